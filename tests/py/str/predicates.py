# The is* predicates on a table of samples.
samples = ["abc", "ABC", "Abc", "abc123", "123", "12.5", "", " ", "\t\n", "Hello World",
           "hello world", "²", "½", "٣", "_id", "2x", "éà", "ÀB", "x y", "\x00", "🐍"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(),
          s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(),
          s.isascii())
print('ǅ'.istitle(), 'ǅ'.isupper(), 'ǅ'.islower(), 'Ⅻ'.isnumeric(), 'Ⅻ'.isdigit())
print('ABC DEF'.istitle(), 'Abc Def'.istitle(), 'Abc def'.istitle())
print('class'.isidentifier(), 'név'.isidentifier(), '1a'.isidentifier())

continued = "a\
b"
continued_single = 'first \
second'
triple_cont = """line one \
still line one
line two"""
all_in_one = "\n\t\\\'\"\a\b\f\v\r\0\x41\101\u00e9\U0001F600\N{BULLET}"
named_spaces = "\N{EM DASH}\N{GREEK SMALL LETTER ALPHA}\N{SNOWMAN}"
in_single = '\N{LATIN CAPITAL LETTER A}'

# Strings compare by code point, character by character.
print("a" < "b", "a" < "B", "Z" < "a", "abc" < "abd", "abc" < "ab", "" < "a")
print("apple" == "apple", "apple" != "Apple", "10" < "9", "a" * 3 == "aaa")
print("é" > "z", "ä" < "b", "Ω" > "ω", "ω" > "Ω")
print("\uff01" < "😀", "\uffff" < "\U00010000", "😀" < "😁", "z" < "😀")
words = ["pear", "Apple", "banana", "apple", "éclair", "Zebra", "zebra", "😀", "\uff01", "10", "9"]
print(sorted(words))
print(sorted(words, reverse=True))
print(max(words), min(words))
print(sorted("hello world"))
print("abc" <= "abc", "abd" >= "abc", "a" < "aa" < "ab" < "b")
print(ord("A"), ord("a"), ord("é"), ord("😀"), ord("\uff01"))

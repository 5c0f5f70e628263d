# Building strings char by char; ord/chr arithmetic; reversing words.
def caesar(text, shift):
    out = ""
    for ch in text:
        if "a" <= ch <= "z":
            out += chr((ord(ch) - ord("a") + shift) % 26 + ord("a"))
        elif "A" <= ch <= "Z":
            out += chr((ord(ch) - ord("A") + shift) % 26 + ord("A"))
        else:
            out += ch
    return out


msg = "Hello, World! xyz"
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3))
words = "the quick brown fox".split()
rev = []
for w in words:
    rev.append(w[::-1])
print(" ".join(rev))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
vowels = 0
for ch in "Programming In Python":
    if ch.lower() in "aeiou":
        vowels += 1
print("vowels:", vowels)
print(list("abc"), tuple("xy"), sorted("banana"), "".join(sorted("banana")))
print(str(123) + str(4.5) + str(None) + str([1]) + str((2,)))

# Slicing with and without steps, out-of-range bounds, reverse.
s = "0123456789"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::3], s[::-1], s[::-2], s[8:2:-2], s[-1:-4:-1])
print(s[5:2], s[100:], s[:100], s[-100:3], s[3:3], repr(s[10:]))
print(s[2:8:3], s[9:0:-3], s[:0:-1], s[0::-1], s[5::-1], s[:5:-1])
print(s[-2::-3], s[::10], s[::-10], s[1:-1:4])
t = "abcdefgh"
i = 0
while i < 4:
    print(i, t[i:], t[:i], t[i::2], t[-i:])
    i += 1
print("racecar"[::-1] == "racecar", "hello"[::-1])
print("héllo wörld"[::-1], "héllo"[1:3])

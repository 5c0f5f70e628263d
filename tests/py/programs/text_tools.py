# Classic string exercises: word wrap and full justification, a Caesar/Vigenere cipher, run-length
# encoding, anagram groups, palindromes, word frequencies, a tiny template engine with a regex-free
# placeholder scanner, roman numerals both ways, and a table formatter using format specs.

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom, it was the
age of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season
of Light, it was the season of Darkness, it was the spring of hope, it was the winter of despair."""


def wrap(text, width):
    lines, line = [], []
    for word in text.split():
        if line and len(" ".join(line + [word])) > width:
            lines.append(line)
            line = []
        line.append(word)
    if line:
        lines.append(line)
    return lines


def justify(lines, width):
    out = []
    for n, words in enumerate(lines):
        if n == len(lines) - 1 or len(words) == 1:
            out.append(" ".join(words).ljust(width))
            continue
        gaps = len(words) - 1
        spaces = width - sum(len(w) for w in words)
        q, r = divmod(spaces, gaps)
        out.append("".join(w + " " * (q + (1 if i < r else 0)) for i, w in enumerate(words[:-1])) + words[-1])
    return out


for width in (30, 45):
    print(f"--- width {width}")
    for row in justify(wrap(TEXT, width), width):
        print(f"|{row}|")


def caesar(s, shift):
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)


def vigenere(s, key, decrypt=False):
    shifts = [ord(k) - 97 for k in key.lower()]
    out, i = [], 0
    for ch in s:
        if ch.isalpha():
            sh = shifts[i % len(shifts)]
            out.append(caesar(ch, -sh if decrypt else sh))
            i += 1
        else:
            out.append(ch)
    return "".join(out)


msg = "Attack at Dawn! Bring 3 ladders."
enc = caesar(msg, 13)
print(enc, "|", caesar(enc, 13) == msg, "|", caesar(msg, -3))
v = vigenere(msg, "Lemon")
print(v, "|", vigenere(v, "Lemon", decrypt=True))


def rle_encode(s):
    if not s:
        return []
    runs = [[s[0], 1]]
    for ch in s[1:]:
        if ch == runs[-1][0]:
            runs[-1][1] += 1
        else:
            runs.append([ch, 1])
    return [(c, n) for c, n in runs]


def rle_string(s):
    return "".join(f"{n}{c}" if n > 1 else c for c, n in rle_encode(s))


def rle_decode(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num or "1"))
            num = ""
    return "".join(out)


for s in ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "", "aabbbcccc"]:
    e = rle_string(s)
    print(repr(e), rle_decode(e) == s, len(s), len(e))

words = "listen silent enlist google inlets banana tinsel gogole stone tones notes onset act cat tac".split()
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
for key, ws in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    print(f"{key:>8}: {' '.join(sorted(ws))}")


def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]


for s in ["A man, a plan, a canal: Panama", "race a car", "", "No 'x' in Nixon", "Was it a car or a cat I saw?"]:
    print(is_palindrome(s), repr(s))

freq = {}
for w in TEXT.lower().replace(",", " ").replace(".", " ").split():
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
print(top)
longest = max(freq, key=lambda w: (len(w), w))
print(longest, len(freq), sum(freq.values()))


def render(template, **values):
    out, i = [], 0
    while i < len(template):
        start = template.find("{{", i)
        if start < 0:
            out.append(template[i:])
            break
        end = template.find("}}", start)
        if end < 0:
            raise ValueError(f"unclosed placeholder at {start}")
        out.append(template[i:start])
        expr = template[start + 2:end].strip()
        name, _, fmt = expr.partition(":")
        name, _, filt = name.partition("|")
        value = values[name.strip()]
        if filt.strip() == "upper":
            value = str(value).upper()
        elif filt.strip() == "title":
            value = str(value).title()
        out.append(format(value, fmt.strip()))
        i = end + 2
    return "".join(out)


print(render("Hello {{ name|title }}, you owe {{amount:,.2f}} ({{ pct:.1%}}) - {{name|upper}}!",
             name="ada lovelace", amount=1234567.891, pct=0.0625))
for bad in ["{{ missing }}", "oops {{ open"]:
    try:
        render(bad, name="x")
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(n):
    out = []
    for value, sym in ROMAN:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)


def from_roman(s):
    vals = {sym: v for v, sym in ROMAN if len(sym) == 1}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = vals[a]
        total += -v if b != " " and vals[b] > v else v
    return total


nums = [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]
print([to_roman(n) for n in nums])
print(all(from_roman(to_roman(n)) == n for n in range(1, 4000)))

rows = [("apples", 3, 0.5), ("kiwis", 12, 0.25), ("watermelon", 1, 3.999), ("figs", 150, 0.1)]
print(f"{'item':<12}|{'qty':>5}|{'price':>8}|{'total':>9}")
print("-" * 12 + "+" + "-" * 5 + "+" + "-" * 8 + "+" + "-" * 9)
for name, qty, price in sorted(rows, key=lambda r: r[1] * r[2], reverse=True):
    print(f"{name:<12}|{qty:>5d}|{price:>8.3f}|{qty * price:>9.2f}")
print(f"{'TOTAL':<12}|{sum(r[1] for r in rows):>5}|{'':>8}|{sum(r[1] * r[2] for r in rows):>9.2f}")
print("{:^20}".format("centered"), "{:*>10}".format(42), "{:08.3f}".format(-3.14159), "{:+d}".format(7))
print("{0}-{1}-{0}".format("a", "b"), "%s has %d items (%.1f%%)" % ("cart", 3, 37.5), "%-6s|%6s|" % ("l", "r"))

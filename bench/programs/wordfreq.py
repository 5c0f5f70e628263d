# A dict and str workload: generate text from a fixed vocabulary with the Park-Miller generator,
# split it into words, count them in a dict, build bigram counts keyed by tuples, normalise with str
# methods, and report the most frequent with sorted(key=...).
# Argument: the number of words generated.
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "ve", "da", "zu", "ri", "an", "el", "os"]


def make_vocab(size, seed):
    vocab = []
    x = seed
    for i in range(size):
        parts = []
        for k in range(1 + i % 3):
            x = x * 48271 % 2147483647
            parts.append(SYLLABLES[x % len(SYLLABLES)])
        word = "".join(parts)
        vocab.append(word.capitalize() if i % 7 == 0 else word)
    return vocab


def make_text(n, vocab):
    x = 42
    words = []
    for i in range(n):
        x = x * 48271 % 2147483647
        # a skewed distribution: low indices are much more frequent
        idx = (x % len(vocab)) * (x % 7 + 1) // 8
        w = vocab[idx]
        if i % 13 == 12:
            w += "."
        elif i % 5 == 4:
            w += ","
        words.append(w)
    return " ".join(words)


def count_words(text):
    counts = {}
    bigrams = {}
    prev = None
    for raw in text.split():
        w = raw.strip(".,").lower()
        counts[w] = counts.get(w, 0) + 1
        if prev is not None:
            key = (prev, w)
            bigrams[key] = bigrams.get(key, 0) + 1
        prev = None if raw.endswith(".") else w
    return counts, bigrams


n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
vocab = make_vocab(2000, 7)
text = make_text(n, vocab)
counts, bigrams = count_words(text)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
print(len(text), len(counts), len(bigrams))
for w, c in top:
    print(f"{w:>12} {c}")
best = max(bigrams.items(), key=lambda kv: (kv[1], kv[0]))
print(best)
lengths = {}
for w in counts:
    lengths[len(w)] = lengths.get(len(w), 0) + counts[w]
print(sorted(lengths.items()))
print(sum(1 for w in counts if w.startswith("ka")), "".join(sorted(set("".join(counts))))[:20].upper())

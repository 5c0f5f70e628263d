#!/usr/bin/env python3
"""Word statistics for a text file."""
import collections
import string
import sys

STOP = frozenset("a an and the of to in is it".split())


def words(text):
    table = str.maketrans("", "", string.punctuation)
    for raw in text.lower().translate(table).split():
        if raw not in STOP and not raw.isdigit():
            yield raw


def stats(text):
    counts = collections.Counter(words(text))
    total = sum(counts.values())
    longest = max(counts, key=len, default="")
    return {
        "total": total,
        "unique": len(counts),
        "top": counts.most_common(5),
        "longest": longest,
        "avg_len": sum(len(w) * c for w, c in counts.items()) / total if total else 0.0,
    }


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print("usage: text_stats FILE", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as fh:
        result = stats(fh.read())
    width = max(map(len, result))
    for key, value in result.items():
        print(f"{key:>{width}}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

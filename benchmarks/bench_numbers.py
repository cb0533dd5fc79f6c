"""Speed of extractors.numbers.find_numbers on the seeds, in words per second (best of N runs)."""

from __future__ import annotations

import sys
import timeit
import unicodedata
from pathlib import Path

from extractors.numbers import find_numbers

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"


def main() -> int:
    text = unicodedata.normalize(
        "NFC", "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    )
    words = len(text.split())
    for label, sample in (("NFC", text), ("NFD", unicodedata.normalize("NFD", text))):
        best = min(timeit.repeat(lambda s=sample: find_numbers(s), number=3, repeat=7)) / 3
        print(f"{label}: {words} words, {len(find_numbers(sample))} mentions, {words / best:,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

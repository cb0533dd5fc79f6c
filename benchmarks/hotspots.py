"""Where the time goes: cProfile of the read and extract stages on a few PDFs.

    python -m benchmarks.hotspots FILE.pdf... [--top 25]

Prints, per stage, the functions with the most time of their own (tottime) and the most time
under them (cumtime). Used to find the hot spots behind docs/performance.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys


def profile_stages(paths: list[str], top: int = 25) -> str:
    """The profile report of reading, then of normalizing + segmenting + extracting, `paths`."""
    from extractors.figures import extract_figures
    from extractors.normalize import normalize_document
    from extractors.readers import read
    from extractors.references import extract_references
    from extractors.segment import segment_documents

    extract_figures("Đã kết nạp 1.045 đoàn viên.")  # load the models outside the profile
    raws, out = [], io.StringIO()
    prof = cProfile.Profile()
    prof.enable()
    for path in paths:
        raws.append(read(path))
    prof.disable()
    _report(prof, "read", top, out)
    prof = cProfile.Profile()
    prof.enable()
    for raw in raws:
        norm = normalize_document(raw)
        for doc in segment_documents(norm, source=raw.source if hasattr(raw, "source") else ""):
            refs = tuple(extract_references(doc.text))
            extract_figures(doc.text, doc_kind=doc.kind, references=refs)
    prof.disable()
    _report(prof, "normalize + segment + extract", top, out)
    return out.getvalue()


def _report(prof: cProfile.Profile, title: str, top: int, out: io.StringIO) -> None:
    for key in ("tottime", "cumulative"):
        out.write(f"\n=== {title}: top {top} by {key}\n")
        pstats.Stats(prof, stream=out).strip_dirs().sort_stats(key).print_stats(top)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("paths", nargs="+", metavar="FILE")
    p.add_argument("--top", type=int, default=25)
    args = p.parse_args(argv)
    print(profile_stages(args.paths, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())

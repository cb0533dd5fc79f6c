"""The Prefect flow's overhead: `chiso ingest` against the `ingest-inbox` flow on the same 200 files.

    .venv/bin/python -m benchmarks.flow_overhead [--files 200] [--keep DIR]

The files are the seeds under 200 names, each with a line of its own appended (so every hash
differs and nothing is skipped). Three timings, each a fresh database, wall time of a subprocess:
`chiso ingest`; the flow as a one-off (`python -m flows`: Prefect's temporary server included);
the flow against an already running `prefect server start` (what a served deployment pays).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_inbox(folder: Path, n: int) -> None:
    seeds = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = seed.read_text(encoding="utf-8") + f"\n\nBản sao số {i + 1:03d} gửi Liên đoàn Lao động tỉnh.\n"
        (folder / f"{i:03d}_{seed.name}").write_text(text, encoding="utf-8")


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    seconds = time.monotonic() - start
    if out.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return seconds, out.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--keep", default=None, help="work folder to keep (default: a temporary one)")
    args = parser.parse_args(argv)
    work = Path(args.keep or tempfile.mkdtemp(prefix="chiso-flow-bench-"))
    inbox = work / "inbox"
    make_inbox(inbox, args.files)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update({"PREFECT_HOME": str(work / "prefect"), "DO_NOT_TRACK": "1",
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    os.environ.update({"PREFECT_HOME": env["PREFECT_HOME"]})
    py = sys.executable
    results = {}
    results["chiso ingest"] = timed([py, "-m", "pipeline", "ingest", str(inbox), "--db", str(work / "cli.duckdb"),
                                     "--quiet"], env)
    results["flow, one-off (temporary server)"] = timed(
        [py, "-m", "flows", str(inbox), "--db", str(work / "flow_ephemeral.duckdb")], env)
    from flows.serve import LocalPrefectServer

    server = LocalPrefectServer.start(work / "prefect", timeout=180)
    try:
        results["flow, running server"] = timed(
            [py, "-m", "flows", str(inbox), "--db", str(work / "flow_server.duckdb")],
            {**env, "PREFECT_API_URL": server.api_url})
    finally:
        server.stop()
    base = results["chiso ingest"][0]
    for name, (seconds, stdout) in results.items():
        extra = f"  {stdout}" if stdout.startswith("{") else ""
        print(f"{name:<36} {seconds:7.1f} s  ({seconds - base:+.1f} s, {(seconds - base) / args.files * 1000:+.0f} "
              f"ms/file vs chiso ingest){extra}")
    print(json.dumps({"files": args.files, "work": str(work),
                      **{name: round(s, 2) for name, (s, _) in results.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The Prefect flow's overhead: `chiso ingest` against the `ingest-inbox` flow on the same 200 files.

    .venv/bin/python -m benchmarks.flow_overhead [--files 200] [--keep DIR]

The files are the seeds under 200 names, each with a line of its own appended (so every hash
differs and nothing is skipped). Each timing is a fresh database and the wall time of a subprocess.
Like is compared with like: `chiso ingest --workers 1` against the flow's default runner (threads
in one process: extraction is Python, one core), and `chiso ingest --workers 2` against the flow
on Dask with two worker processes. The flow runs as a one-off (`python -m flows`: Prefect's
temporary server included) and against an already running `prefect server start` (what a served
deployment pays).
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
    def cli(workers: int) -> tuple[float, str]:
        return timed([py, "-m", "pipeline", "ingest", str(inbox), "--db", str(work / f"cli{workers}.duckdb"),
                      "--quiet", "--workers", str(workers)], env)

    def flow(name: str, runner: str, extra_env: dict[str, str]) -> tuple[float, str]:
        return timed([py, "-m", "flows", str(inbox), "--db", str(work / f"flow_{name}.duckdb"),
                      "--task-runner", runner], {**env, **extra_env})

    results["chiso ingest --workers 1"] = cli(1)
    results["flow, one-off (temporary server)"] = flow("ephemeral", "default", {})
    from flows.serve import LocalPrefectServer

    server = LocalPrefectServer.start(work / "prefect", timeout=180)
    try:
        results["flow, running server"] = flow("server", "default", {"PREFECT_API_URL": server.api_url})
        results["chiso ingest --workers 2"] = cli(2)
        results["flow, running server, Dask 2 workers"] = flow("dask", "dask", {"PREFECT_API_URL": server.api_url})
    finally:
        server.stop()
    for name, (seconds, stdout) in results.items():
        base_name = "chiso ingest --workers 2" if "Dask" in name else "chiso ingest --workers 1"
        base = results[base_name][0]
        extra = f"  {stdout}" if stdout.startswith("{") else ""
        print(f"{name:<40} {seconds:7.1f} s  {seconds / base:5.2f}x {base_name}  "
              f"({(seconds - base) / args.files * 1000:+.0f} ms/file){extra}")
    print(json.dumps({"files": args.files, "work": str(work),
                      **{name: round(s, 2) for name, (s, _) in results.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The Prefect flow's overhead: `chiso ingest` against the `ingest-inbox` flow on the same 200 files.

    .venv/bin/python -m benchmarks.flow_overhead [--files 200] [--keep DIR] [--one-off] [--dask]

The files are the seeds under 200 names, each with a line of its own appended (so every hash
differs and nothing is skipped). Each timing is a fresh database and the wall time of a subprocess.
Like is compared with like: `chiso ingest` with its defaults (one worker process per core) against
the flow with its default runner (its task threads hand the files to one worker process per core),
run against an already running `prefect server start` (what a served deployment pays). The flow
re-runs the audit after its files are in, so the like-for-like plain time is `chiso ingest` then
`chiso audit`; both ratios are printed. `--one-off`
adds `python -m flows` with Prefect's temporary server, `--dask` the flow on a local Dask cluster.
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

from pipeline.extract_pool import available_cores  # noqa: E402


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
    parser.add_argument("--one-off", action="store_true", help="also time a one-off run (temporary server)")
    parser.add_argument("--dask", action="store_true", help="also time the flow on a local Dask cluster")
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
    cores = available_cores()
    base_name = f"chiso ingest (default: --workers {cores})"

    def cli() -> tuple[float, str]:
        return timed([py, "-m", "pipeline", "ingest", str(inbox), "--db", str(work / "cli.duckdb"), "--quiet"], env)

    def flow(name: str, runner: str, extra_env: dict[str, str]) -> tuple[float, str]:
        return timed([py, "-m", "flows", str(inbox), "--db", str(work / f"flow_{name}.duckdb"),
                      "--task-runner", runner], {**env, **extra_env})

    results[base_name] = cli()
    # the flow also re-runs the audit after its files are in: the like-for-like plain run is both commands
    audit_s, _ = timed([py, "-m", "pipeline", "audit", "--db", str(work / "cli.duckdb")], env)
    both_name = "chiso ingest, then chiso audit (what the flow does)"
    results[both_name] = (results[base_name][0] + audit_s, "")
    if args.one_off:
        results["flow, one-off (temporary server)"] = flow("ephemeral", "default", {})
    from flows.serve import LocalPrefectServer

    server = LocalPrefectServer.start(work / "prefect", timeout=180)
    try:
        results[f"flow, running server, default runner ({cores} worker processes)"] = flow(
            "server", "default", {"PREFECT_API_URL": server.api_url})
        if args.dask:
            results["flow, running server, Dask"] = flow("dask", "dask", {"PREFECT_API_URL": server.api_url})
    finally:
        server.stop()
    base, both = results[base_name][0], results[both_name][0]
    for name, (seconds, stdout) in results.items():
        extra = f"  {stdout}" if stdout.startswith("{") else ""
        print(f"{name:<58} {seconds:7.1f} s  {seconds / base:5.2f}x ingest  {seconds / both:5.2f}x ingest+audit"
              f"{extra}")
    print(json.dumps({"files": args.files, "work": str(work),
                      **{name: round(s, 2) for name, (s, _) in results.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The Prefect flow's overhead: `chiso ingest` against the `ingest-inbox` flow on the same 200 files,
and the flow's default runner against its Dask runner (issue 21: the Dask scheduler's cost per file).

    .venv/bin/python -m benchmarks.flow_overhead [--files 200] [--keep DIR] [--one-off] [--dask] [--runners]

The files are the seeds under 200 names, each with a line of its own appended (so every hash
differs and nothing is skipped). Each timing is a fresh database and the wall time of a subprocess.
Like is compared with like: `chiso ingest` with its defaults (one worker process per core) against
the flow with its default runner (its task threads hand the files to one worker process per core),
run against an already running `prefect server start` (what a served deployment pays). The flow
re-runs the audit after its files are in, so the like-for-like plain time is `chiso ingest` then
`chiso audit`; both ratios are printed. `--one-off`
adds `python -m flows` with Prefect's temporary server, `--dask` the flow on a local Dask cluster
(with `--one-off`, also one-off on Dask); each flow row says how many Prefect servers its process
tree started (issue 21: at most one, none per Dask worker) and the Dask rows the cost per file of
the scheduler, (Dask − default) / files.

`runner_rows` is `make bench`'s row (benchmarks/run.py): in process, against one running server,
the default runner, Dask starting its own `LocalCluster`, and Dask on a cluster already running.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

from pipeline.extract_pool import available_cores  # noqa: E402


def make_inbox(folder: Path, n: int) -> None:
    seeds = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = seed.read_text(encoding="utf-8") + f"\n\nBản sao số {i + 1:03d} gửi Liên đoàn Lao động tỉnh.\n"
        (folder / f"{i:03d}_{seed.name}").write_text(text, encoding="utf-8")


SERVER_MARKS = ("prefect.server", "uvicorn", "prefect server")
ROUND_TRIPS = 200  # empty batches sent through the Dask scheduler to time it alone


def _servers_under(pid: int, seen: set[int]) -> None:
    """Add to `seen` the Prefect servers (temporary or not) among the descendants of `pid`."""
    import psutil

    try:
        children = psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return
    for child in children:
        try:
            if any(mark in " ".join(child.cmdline()) for mark in SERVER_MARKS):
                seen.add(child.pid)
        except psutil.Error:
            continue


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, str, int]:
    """Wall clock, stdout and the number of Prefect servers the command's process tree started."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    servers: set[int] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.5):
            _servers_under(proc.pid, servers)
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    out, err = proc.communicate()
    seconds = time.monotonic() - start
    done.set()
    watcher.join()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return seconds, out.strip(), len(servers)


def scheduler_cost_per_file(dask_s: float, default_s: float, files: int) -> float:
    """What Dask adds per file to the default runner's time (negative: Dask was faster)."""
    return (dask_s - default_s) / max(1, files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--keep", default=None, help="work folder to keep (default: a temporary one)")
    parser.add_argument("--one-off", action="store_true", help="also time a one-off run (temporary server)")
    parser.add_argument("--dask", action="store_true", help="also time the flow on a local Dask cluster")
    parser.add_argument("--runners", action="store_true",
                        help="only make bench's rows: default runner against Dask, in process (runner_rows)")
    args = parser.parse_args(argv)
    work = Path(args.keep or tempfile.mkdtemp(prefix="chiso-flow-bench-"))
    inbox = work / "inbox"
    make_inbox(inbox, args.files)
    if args.runners:
        for row in runner_rows(str(inbox), str(work), args.files):
            print(f"{row.name:<58} {row.seconds:7.1f} s  {row.note}")
        return 0
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update({"PREFECT_HOME": str(work / "prefect"), "DO_NOT_TRACK": "1",
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    os.environ.update({"PREFECT_HOME": env["PREFECT_HOME"]})
    py = sys.executable
    results = {}
    cores = available_cores()
    base_name = f"chiso ingest (default: --workers {cores})"

    def cli() -> tuple[float, str, int]:
        return timed([py, "-m", "pipeline", "ingest", str(inbox), "--db", str(work / "cli.duckdb"), "--quiet"], env)

    def flow(name: str, runner: str, extra_env: dict[str, str]) -> tuple[float, str, int]:
        return timed([py, "-m", "flows", str(inbox), "--db", str(work / f"flow_{name}.duckdb"),
                      "--task-runner", runner], {**env, **extra_env})

    results[base_name] = cli()
    # the flow also re-runs the audit after its files are in: the like-for-like plain run is both commands
    audit_s, _, _ = timed([py, "-m", "pipeline", "audit", "--db", str(work / "cli.duckdb")], env)
    both_name = "chiso ingest, then chiso audit (what the flow does)"
    results[both_name] = (results[base_name][0] + audit_s, "", 0)
    pairs = []  # (Dask row, its default row): the scheduler's cost per file
    if args.one_off:
        results["flow, one-off (temporary server)"] = flow("ephemeral", "default", {})
        if args.dask:
            results["flow, one-off (temporary server), Dask"] = flow("ephemeral_dask", "dask", {})
            pairs.append(("flow, one-off (temporary server), Dask", "flow, one-off (temporary server)"))
    from flows.serve import LocalPrefectServer

    server = LocalPrefectServer.start(work / "prefect", timeout=180)
    default_name = f"flow, running server, default runner ({cores} worker processes)"
    try:
        results[default_name] = flow("server", "default", {"PREFECT_API_URL": server.api_url})
        if args.dask:
            results["flow, running server, Dask"] = flow("dask", "dask", {"PREFECT_API_URL": server.api_url})
            pairs.append(("flow, running server, Dask", default_name))
    finally:
        server.stop()
    base, both = results[base_name][0], results[both_name][0]
    for name, (seconds, stdout, servers) in results.items():
        extra = f"  {stdout}" if stdout.startswith("{") else ""
        started = f"  {servers} Prefect server(s) started" if name.startswith("flow") else ""
        print(f"{name:<58} {seconds:7.1f} s  {seconds / base:5.2f}x ingest  {seconds / both:5.2f}x ingest+audit"
              f"{started}{extra}")
    for dask_name, default in pairs:
        cost = scheduler_cost_per_file(results[dask_name][0], results[default][0], args.files)
        print(f"{dask_name}: {results[dask_name][0] / results[default][0]:.2f}x the default runner, "
              f"Dask's cost {cost * 1000:+.0f} ms per file")
    print(json.dumps({"files": args.files, "work": str(work),
                      **{name: round(s, 2) for name, (s, _, _) in results.items()}}))
    return 0


def runner_rows(folder: str, work: str, files: int) -> list[Any]:
    """`make bench`'s rows: the flow's default runner against its Dask runner on the same folder, in
    this process against one running local Prefect server (imports done, as a served deployment has
    them): the default runner; Dask with the `LocalCluster` the flow starts (`--task-runner dask`);
    Dask on a cluster already running (`--dask-address`), whose start is its own row. What Dask adds
    per file is (Dask with its own cluster − default) / files; the scheduler alone, a batch's round
    trip (its paths to a worker, a number back) divided by the files of a batch."""
    from contextlib import ExitStack

    from benchmarks.end_to_end import EPHEMERAL_TIMEOUT_S, _drain_prefect_client
    from benchmarks.measure import Row

    stack = ExitStack()

    home = Path(work) / "prefect-runners"
    os.environ["PREFECT_HOME"] = str(home)
    from flows.serve import LocalPrefectServer
    from flows.settings import apply_offline_defaults

    apply_offline_defaults()
    server = LocalPrefectServer.start(home, timeout=EPHEMERAL_TIMEOUT_S)
    # Prefect read its settings when the server's start imported it: an environment variable set now
    # would go unseen and the runs would start a temporary server of their own
    from prefect.settings import PREFECT_API_URL, temporary_settings

    times: dict[str, float] = {}
    counts: dict[str, dict[str, int]] = {}
    try:
        stack.enter_context(temporary_settings(updates={PREFECT_API_URL: server.api_url}))
        from distributed import Client, LocalCluster
        from prefect import flow

        from flows.dask_run import WARM_UP_PLUGIN, WarmUp
        from flows.ingest import ingest_inbox

        def run(name: str, **kwargs: Any) -> None:
            started = time.perf_counter()
            counts[name] = ingest_inbox(folder, str(Path(work) / f"runners-{name}.duckdb"), **kwargs)
            times[name] = time.perf_counter() - started

        @flow(name="benchmark-warm-up", persist_result=False)
        def warm_up() -> int:
            return 1

        warm_up()  # the client's first connection, not a runner's work
        run("default")
        run("dask", task_runner="dask")
        started = time.perf_counter()
        cores = available_cores()
        with LocalCluster(n_workers=cores, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster, set_as_default=False) as client:
            client.register_plugin(WarmUp(), name=WARM_UP_PLUGIN)
            times["cluster"] = time.perf_counter() - started
            run("dask-running", task_runner="dask", dask_address=cluster.scheduler_address)
            # the scheduler alone: round trips of a batch's paths through it to a worker and back
            from flows.ingest import files_per_batch

            batch = files_per_batch(files, cores)
            paths = [str(p) for p in sorted(Path(folder).iterdir())[:batch]]
            started = time.perf_counter()
            client.gather([client.submit(len, paths, pure=False) for _ in range(ROUND_TRIPS)])
            times["round trip"] = (time.perf_counter() - started) / ROUND_TRIPS
    finally:
        _drain_prefect_client()
        stack.close()
        server.stop()
    default = times["default"]
    cost = scheduler_cost_per_file(times["dask"], default, files)
    round_trip = times["round trip"]
    figures = {name: c.get("figures") for name, c in counts.items()}
    same = len({figures["default"], figures["dask"], figures["dask-running"]}) == 1
    return [Row("flow runners: default (worker processes)", default, files,
                note=f"running local server; {counts['default'].get('ingested', '?')} ingested, "
                     f"{figures['default']} figures"),
            Row("flow runners: Dask, its own LocalCluster", times["dask"], files,
                note=f"{times['dask'] / default:.2f}x default (cluster start included), {cost * 1000:+.0f} ms "
                     f"per file; figures {'the same' if same else 'DIFFER: ' + str(figures)}",
                extra={"ratio": times["dask"] / default, "cost_per_file": cost}),
            Row("flow runners: Dask, a running cluster", times["dask-running"], files,
                note=f"{times['dask-running'] / default:.2f}x default (no cluster start, models loaded)",
                extra={"ratio": times["dask-running"] / default}),
            Row("Dask scheduler: a batch's round trip", round_trip,
                note=f"{round_trip * 1000:.1f} ms a batch of {batch} paths ({ROUND_TRIPS} at once), "
                     f"{round_trip * 1000 / batch:.2f} ms per file",
                extra={"scheduler_s_per_file": round_trip / batch}),
            Row(f"Dask LocalCluster start ({cores} processes, models loaded)", times["cluster"],
                note="paid once per run by --task-runner dask; once per cluster with --dask-address")]


if __name__ == "__main__":
    sys.exit(main())

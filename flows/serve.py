"""`chiso serve`: serve the ingest flow as a scheduled deployment, against a real Prefect server.

Schedules need a real server (the temporary one of one-off runs cannot schedule). When
PREFECT_API_URL is configured (environment or Prefect profile) that server is used; otherwise a
`prefect server start` child process is started on 127.0.0.1 and stopped on exit, after the
served flow has stopped (a server stopped first hangs its runners and needs SIGKILL).
Call `flows.settings.apply_offline_defaults(db)` before importing this module.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flows.prefect_db import seed_database

if TYPE_CHECKING:
    from prefect.schedules import Schedule

logger = logging.getLogger(__name__)

DEPLOYMENT_NAME = "chiso-inbox"
FLOW_NAME = "ingest-inbox"

# `prefect server start` answered /api/health in 4-17 s on a 2-core machine (STACK-NOTES.md).
SERVER_START_TIMEOUT = 60.0
# A stopped server gets this long to exit after SIGTERM before SIGKILL.
SERVER_STOP_GRACE = 15.0


class ServeError(Exception):
    """`chiso serve` cannot go on (a server that does not start, a bad schedule)."""


class InvalidSchedule(ServeError):
    """The --cron string (or --timezone) is not a valid schedule."""


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def api_is_healthy(api_url: str, timeout: float = 2.0) -> bool:
    """True when `<api_url>/health` answers 200 (no proxy: the server is local or configured)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{api_url.rstrip('/')}/health", timeout=timeout) as resp:
            return bool(resp.status == 200)
    except (urllib.error.URLError, OSError):
        return False


# CPU priority of the local Prefect server (nice): its bookkeeping may wait, the extraction should not.
# Prefect 3.8's idle server polls its in-memory queues without pause: measured here it took 0.7-0.9 of
# one core while idle (10-15 CPU s every 15 s, with or without its services), which on a 2-core
# machine was the whole overhead of the flow against `chiso ingest`.
SERVER_NICENESS = 19


def _lower_priority() -> None:
    with contextlib.suppress(OSError):
        os.nice(SERVER_NICENESS)


@dataclass
class LocalPrefectServer:
    """A `prefect server start` child process of this one."""

    process: subprocess.Popen[bytes]
    api_url: str
    log_path: Path

    @classmethod
    def start(cls, home: Path, timeout: float = SERVER_START_TIMEOUT, host: str = "127.0.0.1") -> LocalPrefectServer:
        """Start the server (logs to `<home>/server.log`) and wait until it answers /api/health."""
        port = free_port(host)
        home.mkdir(parents=True, exist_ok=True)
        seed_database()  # a new home: the migrated, empty database instead of 78 s of migrations
        log_path = home / "server.log"
        env = server_environment(host, port)
        cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)]
        with open(log_path, "ab") as log:
            # Its own session: a Ctrl-C in the terminal must not reach the server before the runner stops.
            process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                       env=env, start_new_session=True, preexec_fn=_lower_priority)
        server = cls(process=process, api_url=f"http://{host}:{port}/api", log_path=log_path)
        try:
            server.wait_healthy(timeout)
        except BaseException:
            server.stop()
            raise
        return server

    def wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServeError(f"prefect server exited with code {self.process.returncode}; "
                                 f"see {self.log_path}")
            if api_is_healthy(self.api_url):
                return
            time.sleep(0.5)
        raise ServeError(f"prefect server did not answer {self.api_url}/health within {timeout:.0f} s; "
                         f"see {self.log_path}")

    def stop(self, grace: float = SERVER_STOP_GRACE) -> None:
        """SIGTERM the server's process group; SIGKILL it when it has not exited after `grace` s."""
        if self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            logger.warning("prefect server (pid %d) ignored SIGTERM; killing it", self.process.pid)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=grace)


def server_environment(host: str, port: int) -> dict[str, str]:
    """The environment of a local `prefect server start`: no PREFECT_API_URL (it is the server), and
    PREFECT_UI_API_URL naming this server's API, which the UI reads from `/ui-settings` (left alone,
    Prefect 3.8 told the UI `http://127.0.0.1:4200/api` whatever the port). A PREFECT_UI_API_URL
    set by the user (a reverse proxy in front of the server) is kept."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.setdefault("PREFECT_UI_API_URL", f"http://{host}:{port}/api")
    return env


def configured_api_url() -> str | None:
    """PREFECT_API_URL from the environment or the active Prefect profile, if any."""
    from prefect.settings import get_current_settings

    url = get_current_settings().api.url
    return str(url) if url else None


def cron_schedule(cron: str, timezone: str | None = None) -> Schedule:
    """The Prefect schedule of `cron` (validated: a bad string raises ServeError)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from prefect.schedules import Cron

    if timezone:
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise InvalidSchedule(f"unknown time zone {timezone!r}; use an IANA name such as "
                                  "Asia/Ho_Chi_Minh") from exc
    try:
        return Cron(cron, timezone=timezone)
    except (ValueError, TypeError) as exc:
        raise InvalidSchedule(f"invalid schedule {cron!r}: {exc}; e.g. \"0 * * * *\" runs hourly") from exc


@contextlib.contextmanager
def prefect_server(say: Callable[[str], None], timeout: float = SERVER_START_TIMEOUT) -> Iterator[str]:
    """The API URL of the configured server, or of a local one started (and stopped) here."""
    url = configured_api_url()
    if url:
        say(f"using the configured Prefect server {url} (PREFECT_API_URL)")
        yield url
        return
    from prefect.settings import PREFECT_API_URL, temporary_settings

    home = Path(os.environ.get("PREFECT_HOME", ".")).expanduser()
    say(f"no PREFECT_API_URL configured: starting a local Prefect server (log: {home / 'server.log'})")
    server = LocalPrefectServer.start(home, timeout=timeout)
    say(f"started a local Prefect server at {server.api_url} (pid {server.process.pid}); "
        f"UI at {server.api_url.removesuffix('/api')}")
    os.environ["PREFECT_API_URL"] = server.api_url  # for the flow-run subprocesses
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        say(f"stopping the local Prefect server (pid {server.process.pid})")
        server.stop()


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


async def serve_until_signalled(flow: Any, name: str, say: Callable[[str], None] = print,
                                **deployment: Any) -> None:
    """Serve `flow` as the deployment `name` (a Prefect `Runner`, as `flow.serve` does) until SIGTERM
    or SIGINT, then stop the runner by awaiting its `astop()`. (`flow.serve` leaves the signal to
    the runner's own handler, which calls the synchronous `stop()` inside the running event loop:
    the coroutine `Runner.astop` was created and never awaited, and the runner was not stopped.)"""
    from prefect.runner import Runner

    runner = Runner(name=name)
    await runner.aadd_flow(flow, name=name, **deployment)
    running = asyncio.ensure_future(runner.start())
    while not runner.started and not running.done():  # start() sets its SIGTERM handler first
        await asyncio.sleep(0.05)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in STOP_SIGNALS:
        loop.add_signal_handler(signum, stop.set)
    stopping = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if not running.done():
            say("stop signal received: stopping the runner")
            await runner.astop()
        await running
    finally:
        stopping.cancel()
        for signum in STOP_SIGNALS:
            loop.remove_signal_handler(signum)


def serve_ingest(inbox: str, db: str, cron: str, *, task_runner: str = "default",
                 dask_address: str | None = None, timezone: str | None = None,
                 name: str = DEPLOYMENT_NAME, say: Callable[[str], None] = print,
                 server_timeout: float = SERVER_START_TIMEOUT) -> None:
    """Serve `ingest_inbox(inbox, db, …)` on the schedule `cron` until SIGINT/SIGTERM, then stop
    the runner and (when it started one) the local server; returns after a clean stop."""
    schedule = cron_schedule(cron, timezone)
    previous = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)  # SIGTERM before serve starts
    try:
        with prefect_server(say, timeout=server_timeout) as api_url:
            from prefect.types.entrypoint import EntrypointType

            from flows.ingest import ingest_inbox

            say(f"serving deployment '{FLOW_NAME}/{name}' on schedule {cron!r}"
                f"{f' ({timezone})' if timezone else ' (UTC)'}: inbox {inbox} → {db}, task runner {task_runner}")
            say(f"run it now with: PREFECT_API_URL={api_url} prefect deployment run '{FLOW_NAME}/{name}'")
            asyncio.run(serve_until_signalled(
                ingest_inbox, name, say=say, schedules=[schedule],
                parameters={"inbox": inbox, "db": db, "task_runner": task_runner, "dask_address": dask_address},
                description=f"Ingest new and changed reports of {inbox} into {db}",
                tags=["chiso"], entrypoint_type=EntrypointType.MODULE_PATH,
            ))
    finally:
        signal.signal(signal.SIGTERM, previous)

"""Run ``rulesengine`` commands as real processes without paying their imports each time.

A zygote is an interpreter that has imported the console script's entry point
(``rulesengine.cli.main:main``) and the modules its commands use. For each command it forks a
child that runs ``main()`` with the command's argv, exactly as the console script does: the
child gets its own working folder, environment, stdin (``/dev/null``), stdout and stderr
(files), and exits with the code ``main()`` gives. Starting the console script costs 0.3-1.5 s
of imports; a fork costs a few milliseconds.

The driver serves every kind of test that runs commands:

- CLI behaviour (exit code, output, what was written): :meth:`Zygote.run` returns a
  :class:`Done`, like ``subprocess.run(..., capture_output=True)`` would;
- limits (``tests/hardening/test_yaml_limits.py``): a job may run under a CPU-time and an
  address-space limit (what the zygote holds plus ``extra_memory`` bytes), and ``Done``
  reports the command's own seconds and peak memory growth;
- hangs: a job still running after ``timeout`` seconds is SIGKILLed with its process group
  (each child is a session of its own) and reported as ``code == "timeout"``;
- kills (``tests/hardening/test_crash_safety.py``): :meth:`Zygote.start` reports the child's
  pid at once, so the caller may SIGKILL it at any instant (:meth:`Zygote.kill_after`).

:func:`shared` is one zygote per test process, for the tests that run commands one at a time.
A few tests still run the installed console script itself (:func:`console_script`), so the
entry point stays tested as users start it.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

_SOURCE = r"""
import json, os, resource, select, signal, sys, time
from rulesengine.cli.main import main
import rulesengine.statements.statement_run, rulesengine.statements.diff
import rulesengine.statements.explain
import rulesengine.ledger, rulesengine.scenarios, rulesengine.store
from rulesengine.channels.registry import installed_channel_specs
installed_channel_specs()
reports = os.fdopen(os.dup(1), "w")
os.dup2(2, 1)  # nothing the zygote prints can garble a report
for line in sys.stdin:
    job = json.loads(line)
    with open("/proc/self/statm") as f:
        address_space = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    sys.stdout.flush(); sys.stderr.flush()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            reports.close()
            os.setsid()
            if job["cpu_seconds"] is not None:
                cpu = job["cpu_seconds"]
                resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
            if job["extra_memory"] is not None:
                limit = address_space + job["extra_memory"]
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            os.chdir(job["cwd"])
            os.environ.clear(); os.environ.update(job["env"]); time.tzset()
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            for fd, name in ((1, "stdout"), (2, "stderr")):
                os.dup2(os.open(job[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
            sys.argv = ["rulesengine", *job["argv"]]
            main()
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        except BaseException:
            import traceback; traceback.print_exc(); code = 99
        finally:
            sys.stdout.flush(); sys.stderr.flush()
        os._exit(code)
    reports.write(json.dumps({"pid": pid}) + "\n"); reports.flush()
    ended = os.pidfd_open(pid)
    timed_out = not select.select([ended], [], [], job["timeout"])[0]
    if timed_out:
        os.killpg(pid, signal.SIGKILL)
    _, status, usage = os.wait4(pid, 0)
    os.close(ended)
    report = {
        "code": "timeout" if timed_out else os.waitstatus_to_exitcode(status),
        "seconds": time.perf_counter() - started,
        "rss_before_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "rss_kb": usage.ru_maxrss,
    }
    reports.write(json.dumps(report) + "\n"); reports.flush()
"""


def console_script() -> list[str]:
    """The installed ``rulesengine`` command of this interpreter's environment."""
    script = Path(sys.executable).with_name("rulesengine")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from rulesengine.cli.main import main; main()"]


def cli_env() -> dict[str, str]:
    """The environment commands run in: no ``RULESENGINE_*`` setting of the caller's, only the
    built-in channel plugins (as the golden texts assume), and a wide terminal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RULESENGINE_")}
    env["RULESENGINE_LOAD_PLUGINS"] = "email,text,print"
    env["COLUMNS"] = "200"
    return env


@attrs.frozen
class Done:
    """A finished command: its exit code (negative: killed by that signal; ``"timeout"``:
    killed after its timeout), its output, its own seconds, its peak resident memory, and
    that peak's growth over the zygote's."""

    returncode: int | str
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    grew_mb: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class Zygote:
    """One zygote process; use it from one thread at a time."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        self.env = dict(cli_env() if env is None else env)
        self._scratch = Path(tempfile.mkdtemp(prefix="zygote-"))
        self.process = subprocess.Popen(
            [sys.executable, "-c", _SOURCE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=self._scratch,
            env=self.env,
            bufsize=0,
        )
        assert self.process.stdout is not None
        self._fd = self.process.stdout.fileno()
        self._pending = b""
        self._started = 0.0
        self._output = (self._scratch / "stdout", self._scratch / "stderr")

    def _line(self, timeout: float | None = None) -> dict[str, Any] | None:
        """The next report, or None when none came within ``timeout`` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self._pending:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not select.select([self._fd], [], [], left)[0]:
                return None
            chunk = os.read(self._fd, 4096)
            if not chunk:
                raise RuntimeError(f"the zygote ended (exit code {self.process.wait()})")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        report: dict[str, Any] = json.loads(line)
        return report

    def start(
        self,
        argv: list[str],
        *,
        cwd: Path | None = None,
        env: Mapping[str, str] | None = None,
        timeout: float | None = None,
        cpu_seconds: int | None = None,
        extra_memory: int | None = None,
    ) -> int:
        """Fork a child running ``rulesengine *argv``; its pid. ``env`` is the whole
        environment (default: the zygote's); see the module's docstring for the rest."""
        assert self.process.stdin is not None
        job = {
            "argv": [str(arg) for arg in argv],
            "cwd": str(cwd or self._scratch),
            "env": dict(self.env if env is None else env),
            "stdout": str(self._output[0]),
            "stderr": str(self._output[1]),
            "timeout": timeout,
            "cpu_seconds": cpu_seconds,
            "extra_memory": extra_memory,
        }
        self.process.stdin.write((json.dumps(job) + "\n").encode())
        report = self._line()
        assert report is not None
        return int(report["pid"])

    def wait(self, timeout: float | None = None) -> Done | None:
        """The last child's outcome, or None if it is still running after ``timeout`` s."""
        report = self._line(timeout)
        if report is None:
            return None
        return Done(
            report["code"],
            self._output[0].read_text("utf-8", errors="replace"),
            self._output[1].read_text("utf-8", errors="replace"),
            report["seconds"],
            report["rss_kb"] / 1024,
            (report["rss_kb"] - report["rss_before_kb"]) / 1024,
        )

    def run(self, argv: list[str], **job: Any) -> Done:
        """``rulesengine *argv`` to the end (``job``: the keywords of :meth:`start`)."""
        self.start(argv, **job)
        done = self.wait()
        assert done is not None
        return done

    def kill_after(self, argv: list[str], delay: float, **job: Any) -> bool:
        """Run ``rulesengine *argv`` and SIGKILL it after ``delay`` s; True if it ended first."""
        pid = self.start(argv, **job)
        if self.wait(delay) is not None:
            return True
        os.kill(pid, signal.SIGKILL)  # not yet reaped: the zygote reports it only after
        done = self.wait()
        assert done is not None
        return done.returncode != -signal.SIGKILL

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self._scratch, ignore_errors=True)


_shared: list[Zygote] = []


def shared() -> Zygote:
    """This test process's zygote (started on first use, with :func:`cli_env`)."""
    if not _shared or _shared[0].process.poll() is not None:
        _shared[:] = [Zygote()]
        atexit.register(_shared[0].close)
    return _shared[0]


def rulesengine(*argv: str, cwd: Path, env: Mapping[str, str] | None = None, **job: Any) -> Done:
    """``rulesengine *argv`` in ``cwd``, forked from this process's zygote, in ``env`` (default:
    :func:`cli_env` as it is now; timeout: 300 s, as the console-script runs had)."""
    job.setdefault("timeout", 300)
    return shared().run(list(argv), cwd=cwd, env=cli_env() if env is None else env, **job)

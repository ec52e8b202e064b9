"""Start ``rulesengine`` commands as real processes without paying their imports each time.

A zygote is an interpreter that has imported the console script's entry point
(``rulesengine.cli.main:main``) and the modules its commands use. For each command it forks a
child that runs ``main()`` with the command's argv, exactly as the console script does, and
reports the child's pid at once and its exit code when it ends. The caller may SIGKILL the
child in between: that is a real process dying at an arbitrary instant.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Mapping

_SOURCE = r"""
import json, os, sys
from rulesengine.cli.main import main
import rulesengine.statements.statement_run, rulesengine.ledger, rulesengine.store
from rulesengine.channels.registry import installed_channel_specs
installed_channel_specs()
out = sys.stdout
for line in sys.stdin:
    job = json.loads(line)
    out.flush(); sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1); os.dup2(null, 2)
            sys.argv = ["rulesengine", *job["argv"]]
            main()
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        except BaseException:
            code = 99
        finally:
            sys.stdout.flush(); sys.stderr.flush()
        os._exit(code)
    out.write(json.dumps({"pid": pid}) + "\n"); out.flush()
    _, status = os.waitpid(pid, 0)
    out.write(json.dumps({"exit": os.waitstatus_to_exitcode(status)}) + "\n"); out.flush()
"""


class Zygote:
    """One zygote process; use it from one thread at a time."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _SOURCE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=dict(env),
            bufsize=0,
        )
        assert self.process.stdout is not None
        self._fd = self.process.stdout.fileno()
        self._pending = b""

    def _line(self, timeout: float | None = None) -> dict[str, int] | None:
        """The next report, or None when none came within ``timeout`` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self._pending:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not select.select([self._fd], [], [], left)[0]:
                return None
            chunk = os.read(self._fd, 4096)
            if not chunk:
                raise RuntimeError("the zygote ended")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return json.loads(line)

    def start(self, argv: list[str]) -> int:
        """Fork a child running ``rulesengine *argv``; its pid."""
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps({"argv": argv}) + "\n").encode())
        report = self._line()
        assert report is not None
        return report["pid"]

    def wait(self, timeout: float | None = None) -> int | None:
        """The exit code of the last child (negative: killed by that signal), or None if it
        is still running after ``timeout`` seconds."""
        report = self._line(timeout)
        return None if report is None else report["exit"]

    def kill_after(self, argv: list[str], delay: float) -> bool:
        """Run ``rulesengine *argv`` and SIGKILL it after ``delay`` s; True if it ended first."""
        pid = self.start(argv)
        if self.wait(delay) is not None:
            return True
        os.kill(pid, signal.SIGKILL)  # not yet reaped: the zygote reports it only after
        code = self.wait()
        return code != -signal.SIGKILL

    def run(self, argv: list[str]) -> int:
        self.start(argv)
        code = self.wait()
        assert code is not None
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()

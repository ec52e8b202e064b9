"""``rulesengine serve``: refuses a store nobody could log in to, warns when it would be
reached from other machines without ``--secure-cookies``, and serves the dashboard (a real
start of the installed command on a free port, answering the login page with its security
headers)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from rulesengine.cli.main import main
from rulesengine.store import open_store
from rulesengine.store.user_accounts import add_user
from rulesengine.web.security_headers import CONTENT_SECURITY_POLICY

PASSWORD = "correct horse battery"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["serve", *args])


@pytest.fixture
def empty_db(tmp_path: Path) -> str:
    db = str(tmp_path / "store.db")
    open_store(db).close()
    return db


@pytest.fixture
def db_with_user(empty_db: str) -> str:
    store = open_store(empty_db)
    try:
        add_user(store, "alice", "admin", PASSWORD)
    finally:
        store.close()
    return empty_db


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What ``uvicorn.run`` was called with (instead of serving)."""
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append(options))
    return calls


def test_help() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for option in ("--host", "--port", "--secure-cookies", "--forwarded-allow-ips", "--db"):
        assert option in result.output


def test_refuses_a_store_with_no_users(empty_db: str, served: list[dict[str, Any]]) -> None:
    result = run("--db", empty_db)
    assert result.exit_code == 1
    assert "the store has no dashboard users, so nobody could log in" in result.output
    assert "rulesengine user add NAME --role admin" in result.output
    assert served == []


def test_refuses_a_missing_store(tmp_path: Path, served: list[dict[str, Any]]) -> None:
    result = run("--db", str(tmp_path / "missing.db"))
    assert result.exit_code == 1 and "no store at" in result.output
    assert not (tmp_path / "missing.db").exists() and served == []


def test_loopback_by_default_without_a_warning(
    db_with_user: str, served: list[dict[str, Any]]
) -> None:
    result = run("--db", db_with_user)
    assert result.exit_code == 0, result.output
    assert "Dashboard on http://127.0.0.1:8000/" in result.output
    assert "warning" not in result.output
    assert served[0]["host"] == "127.0.0.1" and served[0]["port"] == 8000
    assert served[0]["proxy_headers"] is False


def test_all_addresses_without_secure_cookies_warns(
    db_with_user: str, served: list[dict[str, Any]]
) -> None:
    result = run("--db", db_with_user, "--host", "0.0.0.0", "--port", "8123")
    assert result.exit_code == 0, result.output
    assert "warning: serving on 0.0.0.0, beyond this machine, without --secure-cookies" in (
        result.output
    )
    assert served[0]["host"] == "0.0.0.0" and served[0]["port"] == 8123


def test_behind_a_proxy_with_secure_cookies_does_not_warn(
    db_with_user: str, served: list[dict[str, Any]]
) -> None:
    result = run(
        "--db", db_with_user, "--host", "0.0.0.0", "--secure-cookies",
        "--forwarded-allow-ips", "127.0.0.1",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    assert served[0]["proxy_headers"] is True
    assert served[0]["forwarded_allow_ips"] == "127.0.0.1"


@pytest.mark.parametrize("host", ["", "a b", "x" * 254])
def test_refuses_a_host_that_is_no_address(db_with_user: str, host: str) -> None:
    result = run("--db", db_with_user, "--host", host)
    assert result.exit_code == 1 and "is not an address to listen on" in result.output


def test_refuses_a_port_out_of_range(db_with_user: str) -> None:
    assert run("--db", db_with_user, "--port", "70000").exit_code != 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _console_script() -> list[str]:
    script = Path(sys.executable).with_name("rulesengine")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from rulesengine.cli.main import main; main()"]


def test_a_real_start_serves_the_login_page_with_security_headers(
    db_with_user: str, tmp_path: Path
) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RULESENGINE_")}
    server = subprocess.Popen(
        [*_console_script(), "serve", "--db", db_with_user, "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                login = f"http://127.0.0.1:{port}/login?checked=1"
                with urllib.request.urlopen(login, timeout=5) as answer:
                    status, headers, body = answer.status, answer.headers, answer.read()
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, server.communicate()
                assert time.monotonic() < deadline, "the dashboard did not start within 60 s"
                time.sleep(0.2)
        assert status == 200
        assert b'name="password"' in body
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Cache-Control"] == "no-store"
        assert "server" not in {name.lower() for name in headers}
        cookie = headers["Set-Cookie"]
        assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/users", timeout=5)
        assert refused.value.code == 401
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    assert f"Dashboard on http://127.0.0.1:{port}/" in out
    assert "Traceback" not in err

"""Fixtures for the dashboard's tests: a small demo practice's store (six monthly live
batches, a worklist, sent and suppressed notifications), one user of each role, a Starlette
test client logged in as any of them, and for the browser tests a served dashboard and
Debian's Chromium driven by Playwright.

Browser tests need ``/usr/bin/chromium`` (or ``RULESENGINE_CHROMIUM``): when it is missing
they fail under ``CI=true`` and are skipped elsewhere with one line saying how to install
it. Nothing downloads a browser.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rulesengine.store import open_store
from rulesengine.store.user_accounts import add_user

#: Every test user's password (a test store only).
PASSWORD = "correct horse battery staple"
ROLES = ("viewer", "staff", "admin")
CHROMIUM = os.environ.get("RULESENGINE_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def demo_store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo practice's store file with the users ``viewer``, ``staff`` and ``admin``,
    made once per test session (each test works on a copy of its own). The users are made
    here, not per copy: hashing their three passwords (scrypt, slow by design) took about
    0.2 s of CPU per test."""
    from rulesengine.demo.demo_run import run_demo

    folder = tmp_path_factory.mktemp("web-demo") / "practice"
    run_demo(folder, guarantors=40, months=6, seed=2026, echo=lambda _line: None)
    path = folder / "rulesengine.db"
    store = open_store(str(path))
    try:
        for role in ROLES:
            add_user(store, role, role, PASSWORD)
    finally:
        store.close()
    return path


@pytest.fixture
def web_store_path(demo_store_template: Path, tmp_path: Path) -> Path:
    """A copy of the demo store, with the users ``viewer``, ``staff`` and ``admin``."""
    path = tmp_path / "dashboard.db"
    shutil.copyfile(demo_store_template, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def web_store(web_store_path: Path) -> Iterator[Any]:
    """The open store the dashboard serves."""
    store = open_store(str(web_store_path))
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def web_app(web_store: Any) -> Iterator[Any]:
    from rulesengine.web.app import create_app

    app = create_app(web_store)
    yield app
    app.state.queue.close()


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token of the first form of a page."""
    found = _CSRF.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


@pytest.fixture
def client_for(web_app: Any) -> Iterator[Callable[[str | None], Any]]:
    """``client_for(role)``: a test client logged in as that role's user (``None``: not
    logged in)."""
    from starlette.testclient import TestClient

    clients: list[Any] = []

    def make(role: str | None) -> Any:
        client = TestClient(web_app, follow_redirects=False)
        client.__enter__()
        clients.append(client)
        if role is not None:
            page = client.get("/login?checked=1")
            answer = client.post(
                "/login",
                data={"csrf_token": csrf_of(page.text), "name": role, "password": PASSWORD},
            )
            assert answer.status_code == 303, answer.text
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


# --- the browser ----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def live_dashboard(web_app: Any) -> Iterator[str]:
    """The dashboard served by uvicorn on a free loopback port; its base URL."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(web_app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the dashboard did not start within 10 s")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (no browser is downloaded)."""
    if not Path(CHROMIUM).exists():
        message = (
            f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium) to run"
            " the dashboard's browser tests"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_page_for(chromium: Any, live_dashboard: str) -> Iterator[Callable[[str | None], Any]]:
    """``browser_page_for(role)``: a Playwright page in a fresh browser context, logged in
    as that role's user through the login form (``None``: not logged in). Its
    ``base_url`` is the served dashboard, so ``page.goto("/batches")`` works."""
    contexts: list[Any] = []

    def make(role: str | None) -> Any:
        context = chromium.new_context(
            base_url=live_dashboard, viewport={"width": 1366, "height": 900}
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        if role is not None:
            page.goto("/login")
            page.fill("input[name=name]", role)
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(re.compile(r"^(?!.*/login).*$"))
        return page

    yield make
    for context in contexts:
        context.close()


#: Where the browser tests save the screenshots docs/dashboard.md shows (when
#: RULESENGINE_SCREENSHOTS names a folder; docs/images is the one the docs use: refresh them
#: with ``RULESENGINE_SCREENSHOTS=docs/images .venv/bin/python -m pytest tests/web -k browser``).
SCREENSHOTS = os.environ.get("RULESENGINE_SCREENSHOTS")


def screenshot(page: Any, name: str) -> None:
    """Save a screenshot of ``page`` as NAME.png when RULESENGINE_SCREENSHOTS is set."""
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)

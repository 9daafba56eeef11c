"""Serving tests: the site run as `make run` runs it (gunicorn from deploy/), against the test
database, with other processes changing that database at the same time.

The data a test builds is committed (``transactional_db``), so gunicorn's workers and the
subprocesses see it; on SQLite the test database is a file for that reason (settings/test.py).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
WORKER_TIMEOUT = 3


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    """The test database as a URL, for processes started from a test."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="session")
def served_env(django_db_setup, django_db_blocker):
    """Environment of a process that works on the test database and media."""
    with django_db_blocker.unblock():
        url = database_url()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="sts_learn.settings.test",
        DATABASE_URL=url,
        TEST_MEDIA_ROOT=str(settings.MEDIA_ROOT),
        PYTHONPATH=str(ROOT),
    )
    return env


@pytest.fixture
def committed_db(transactional_db, django_db_serialized_rollback):
    """What a test builds is committed, so that other processes see it.

    Serialized rollback gives every test the tree the migrations made (root page, default site)
    after the previous transactional test's flush.
    """


@pytest.fixture(scope="session")
def site(served_env):
    """The site served by gunicorn as `make run` starts it, for the whole run.

    It keeps nothing between requests, so it serves each test's data as that test left it. Its
    worker timeout is 3 seconds (30 in production): a download that outlasts it must still finish.
    """
    with gunicorn(served_env, GUNICORN_TIMEOUT=str(WORKER_TIMEOUT)) as url:
        yield url


def wait_until_up(url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/healthz/", timeout=2) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up in {timeout} s")


@contextmanager
def running(process, url):
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def gunicorn(env, **overrides):
    """gunicorn as `make run` starts it (deploy/gunicorn.conf.py); yields its base URL."""
    port = free_port()
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_ACCESS_LOG": "", **overrides}
    process = subprocess.Popen(
        [GUNICORN, "-c", "deploy/gunicorn.conf.py", "sts_learn.wsgi"], cwd=ROOT, env=env
    )
    with running(process, f"http://127.0.0.1:{port}") as url:
        yield url


def varnish_available():
    return os.access(VARNISHD, os.X_OK)


@contextmanager
def varnish(backend_url, port):
    """deploy/varnish.vcl on `port` in front of `backend_url`; yields Varnish's base URL."""
    backend_port = backend_url.rsplit(":", 1)[1]
    with tempfile.TemporaryDirectory(prefix="sts-varnish-test-") as workdir:
        os.chmod(workdir, 0o755)
        vcl = Path(workdir) / "site.vcl"
        vcl.write_text(
            (ROOT / "deploy" / "varnish.vcl")
            .read_text()
            .replace("BACKEND_HOST", "127.0.0.1")
            .replace("BACKEND_PORT", backend_port)
        )
        vcl.chmod(0o644)
        process = subprocess.Popen(
            [VARNISHD, "-F", "-n", f"{workdir}/state", "-a", f"127.0.0.1:{port}",
             "-f", str(vcl), "-s", "malloc,64m", "-p", "default_ttl=0"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        with running(process, f"http://127.0.0.1:{port}") as url:
            yield url


def run_python(code, env, timeout=120):
    """Run `code` in a new Django process on the test database; its stdout, stripped."""
    setup = "import django; django.setup()\n"
    result = subprocess.run(
        [PYTHON, "-c", setup + code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=timeout, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def fetch(url, headers=None, timeout=10):
    """(status, headers, body text) of a GET, errors and redirects included (not followed)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with _opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")

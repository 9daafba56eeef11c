"""Requests per second of public pages, next to a static file served by the same server.

    .venv/bin/python benchmarks/pages.py [--seconds 10] [--connections 16]

Builds a throwaway SQLite database with the demo content, serves it with gunicorn (2 workers,
production settings, DEBUG off, Redis as the shared cache: BENCHMARK_REDIS_URL, default
redis://127.0.0.1:6379/15, which it empties) and drives it with wrk (Debian package `wrk`),
first with the page cache off, then on. Prints requests per second per URL and each as a ratio
of the static file's rate measured in the same run. Nothing here asserts: the machine is
shared and noisy.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
URLS = {
    "static file (site.css)": "/static/css/site.css",
    "home page /": "/",
    "course page": "/courses/understanding-sts/",
    "module page": "/courses/understanding-sts/what-is-sts/",
    "course index": "/courses/",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, env):
    subprocess.run(args, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(workdir):
    """Environment of a production-like server over a fresh database with the demo content."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
        "MEDIA_ROOT": str(workdir / "media"),
        "DEMO_PASSWORD": "benchmark-only-password",
    }
    env.pop("REDIS_URL", None)
    run(
        [PYTHON, "manage.py", "migrate", "--noinput"],
        {**env, "DJANGO_SETTINGS_MODULE": "sts_learn.settings.dev"},
    )
    run(
        [PYTHON, "manage.py", "load_demo_content"],
        {**env, "DJANGO_SETTINGS_MODULE": "sts_learn.settings.dev"},
    )
    env.update(
        DJANGO_SETTINGS_MODULE="sts_learn.settings.production",
        SECRET_KEY="benchmark-only-secret-key-6f1d0c9b8a7e6d5c4b3a2f1e0d9c8b7a",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(workdir / "static"),
        # As production runs: a cache shared by the workers (the machine's Redis, a spare db).
        REDIS_URL=os.environ.get("BENCHMARK_REDIS_URL", "redis://127.0.0.1:6379/15"),
    )
    run([PYTHON, "manage.py", "collectstatic", "--noinput"], env)
    return env


class Server:
    def __init__(self, env, page_cache_seconds):
        subprocess.run(["redis-cli", "-u", env["REDIS_URL"], "FLUSHDB"], check=False,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        self.port = free_port()
        self.env = {**env, "PAGE_CACHE_SECONDS": str(page_cache_seconds)}

    def __enter__(self):
        gunicorn = Path(PYTHON).with_name("gunicorn")
        self.process = subprocess.Popen(
            [str(gunicorn), "sts_learn.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{self.port}",
             "--log-level", "warning"],
            cwd=ROOT, env=self.env,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/", timeout=2).read()
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def requests_per_second(url, seconds, connections):
    urllib.request.urlopen(url, timeout=10).read()  # warm up (and fill the page cache)
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    with tempfile.TemporaryDirectory(prefix="sts-bench-") as tmp:
        env = prepare(Path(tmp))
        results = {}
        for label, seconds in (("page cache off", 0), ("page cache on", 300)):
            with Server(env, seconds) as server:
                results[label] = {
                    name: requests_per_second(
                        server.url + path, options.seconds, options.connections
                    )
                    for name, path in URLS.items()
                }
    print(f"\nwrk -t2 -c{options.connections} -d{options.seconds}s against gunicorn, 2 workers, "
          "production settings, SQLite, DEBUG off\n")  # fmt: skip
    for label, rates in results.items():
        static = rates["static file (site.css)"]
        print(f"{label}:")
        for name, rate in rates.items():
            print(f"  {name:<24} {rate:>9.1f} req/s   {rate / static:6.1%} of the static file")
        print()


if __name__ == "__main__":
    main()

"""Requests per second of public pages: uncached from gunicorn, and through Varnish, next to a
static file served by whitenoise from the same gunicorn, all in one run.

    .venv/bin/python benchmarks/pages.py [--seconds 10] [--connections 16]

Builds a throwaway SQLite database with the demo content, serves it as `make run` does (gunicorn
with deploy/gunicorn.conf.py: 2 workers x 32 threads, DEBUG off, no access log) and puts
deploy/varnish.vcl in front of it. wrk (Debian package `wrk`) drives each URL; Varnish comes from
Debian's `varnish`. Prints requests per second and each rate as a ratio of the static file's rate
measured in the same run. Nothing here asserts: the machine is shared and noisy.
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
STATIC = "/static/css/site.css"
FLOOR = "/healthz/"  # the least any Django response costs here: the middleware and one query
PAGES = {
    "home page /": "/",
    "course index": "/courses/",
    "course page": "/courses/understanding-sts/",
    "module page": "/courses/understanding-sts/what-is-sts/",
}
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, env):
    subprocess.run(args, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(workdir):
    """Environment of `make run`'s server over a fresh database with the demo content."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "FRONTEND_CACHE_PURGE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="sts_learn.settings.local",
        DATABASE_URL=f"sqlite:///{workdir}/bench.sqlite3",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        SECRET_KEY="benchmark-only-secret-key-6f1d0c9b8a7e6d5c4b3a2f1e0d9c8b7a",
        DEMO_PASSWORD="benchmark-only-password",
        GUNICORN_ACCESS_LOG="",
    )
    run([PYTHON, "manage.py", "migrate", "--noinput"], env)
    run([PYTHON, "manage.py", "load_demo_content"], env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput"], env)
    return env


def wait_until_up(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server at {url} exited")
        try:
            urllib.request.urlopen(f"{url}/healthz/", timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not start")


def start_gunicorn(env):
    port = free_port()
    process = subprocess.Popen(
        [str(Path(PYTHON).with_name("gunicorn")), "-c", "deploy/gunicorn.conf.py",
         "sts_learn.wsgi"],
        cwd=ROOT, env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url, process)
    return process, url


def start_varnish(workdir, backend_port):
    port = free_port()
    vcl = workdir / "site.vcl"
    vcl.write_text(
        (ROOT / "deploy" / "varnish.vcl")
        .read_text()
        .replace("BACKEND_HOST", "127.0.0.1")
        .replace("BACKEND_PORT", str(backend_port))
    )
    os.chmod(workdir, 0o755)
    vcl.chmod(0o644)
    process = subprocess.Popen(
        [VARNISHD, "-F", "-n", str(workdir / "varnish"), "-a", f"127.0.0.1:{port}",
         "-f", str(vcl), "-s", "malloc,128m"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url, process)
    return process, url


def stop(process):
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def requests_per_second(url, seconds, connections):
    urllib.request.urlopen(url, timeout=10).read()  # warm up (and fill Varnish)
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
    for tool in ("wrk", VARNISHD):
        if not shutil.which(tool) and not os.access(tool, os.X_OK):
            sys.exit(f"{tool} is not installed: apt-get install wrk varnish")
    measure = lambda url: requests_per_second(url, options.seconds, options.connections)  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="sts-bench-") as tmp:
        workdir = Path(tmp)
        env = prepare(workdir)
        gunicorn, app = start_gunicorn(env)
        varnish, cache = start_varnish(workdir, app.rsplit(":", 1)[1])
        try:
            static = measure(app + STATIC)
            floor = measure(app + FLOOR)
            uncached = {name: measure(app + path) for name, path in PAGES.items()}
            through_varnish = {name: measure(cache + path) for name, path in PAGES.items()}
        finally:
            stop(varnish)
            stop(gunicorn)
    print(f"\nwrk -t2 -c{options.connections} -d{options.seconds}s; gunicorn as `make run` "
          "(2 workers x 32 threads, DEBUG off), SQLite, demo content\n")  # fmt: skip
    print(f"  static file via whitenoise   {static:>9.1f} req/s   (the baseline)")
    print(f"  /healthz/ (one query)        {floor:>9.1f} req/s   {floor / static:7.1%} of the "
          "static file: no uncached page can beat it")  # fmt: skip
    print("\n  uncached, from gunicorn:")
    for name, rate in uncached.items():
        print(f"    {name:<26} {rate:>9.1f} req/s   {rate / static:7.1%} of the static file")
    print("\n  through Varnish (deploy/varnish.vcl):")
    for name, rate in through_varnish.items():
        print(f"    {name:<26} {rate:>9.1f} req/s   {rate / static:7.2f} x the static file")
    print()


if __name__ == "__main__":
    main()

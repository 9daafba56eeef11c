"""Requests per second of public pages: uncached from gunicorn, and through Varnish, next to a
static file served by whitenoise from the same gunicorn, all in one run.

    .venv/bin/python benchmarks/pages.py [--seconds 10] [--connections 16]

Builds a throwaway SQLite database with the demo content, serves it as `make run` does (gunicorn
with deploy/gunicorn.conf.py: 2 workers x 32 threads, DEBUG off, no access log) and puts
deploy/varnish.vcl in front of it. wrk (Debian package `wrk`) drives each URL; Varnish comes from
Debian's `varnish`. The machine is shared and noisy, so every measurement of a page is paired with
a measurement of the static file taken right before it, over several rounds; the figures are the
medians of the rates and of those ratios. Since the rates swing with the host's load, it also
prints what each request cost gunicorn's workers in CPU time (from /proc), which the neighbours
do not change: the static file's CPU cost over a page's is the share of the static rate that page
reaches when the CPU is the limit. Nothing here asserts.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
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
    # Static files first: the demo's PDFs are rendered with the hashed print stylesheets.
    run([PYTHON, "manage.py", "collectstatic", "--noinput"], env)
    run([PYTHON, "manage.py", "load_demo_content"], env)
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


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    return [int(pid) for pid in children]


def cpu_seconds(pids):
    """User and system CPU time the processes have used so far."""
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


class Load:
    """Runs wrk against a URL; knows the gunicorn workers whose CPU time it reads."""

    def __init__(self, seconds, connections, workers=()):
        self.seconds, self.connections, self.workers = seconds, connections, workers

    def __call__(self, url):
        """(requests per second, CPU milliseconds per request in the workers)."""
        urllib.request.urlopen(url, timeout=10).read()  # warm up (and fill Varnish)
        before = cpu_seconds(self.workers)
        output = subprocess.run(
            ["wrk", "-t2", f"-c{self.connections}", f"-d{self.seconds}s", url],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        used = cpu_seconds(self.workers) - before
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        if errors:
            raise RuntimeError(f"{url}: {errors.group(1)} error responses\n{output}")
        requests = int(re.search(r"(\d+) requests in", output).group(1))
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        return rate, used * 1000 / requests


def paired(load, static_url, url, rounds):
    """Medians of: the rate of `url`, its rate / the static file's just before, the CPU cost of
    a request to `url` and of one to the static file."""
    rates, ratios, costs, static_costs = [], [], [], []
    for _ in range(rounds):
        static_rate, static_cost = load(static_url)
        rate, cost = load(url)
        rates.append(rate)
        ratios.append(rate / static_rate)
        costs.append(cost)
        static_costs.append(static_cost)
    return [statistics.median(values) for values in (rates, ratios, costs, static_costs)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    for tool in ("wrk", VARNISHD):
        if not shutil.which(tool) and not os.access(tool, os.X_OK):
            sys.exit(f"{tool} is not installed: apt-get install wrk varnish")
    with tempfile.TemporaryDirectory(prefix="sts-bench-") as tmp:
        workdir = Path(tmp)
        env = prepare(workdir)
        gunicorn, app = start_gunicorn(env)
        varnish, cache = start_varnish(workdir, app.rsplit(":", 1)[1])
        load = Load(options.seconds, options.connections, worker_pids(gunicorn.pid))
        static_url, rounds = app + STATIC, options.rounds
        try:
            static = [load(static_url) for _ in range(rounds)]
            floor = paired(load, static_url, app + FLOOR, rounds)
            uncached = {name: paired(load, static_url, app + path, rounds)
                        for name, path in PAGES.items()}  # fmt: skip
            cached = {name: paired(load, static_url, cache + path, rounds)
                      for name, path in PAGES.items()}  # fmt: skip
        finally:
            stop(varnish)
            stop(gunicorn)
    static_rate = statistics.median(rate for rate, _ in static)
    static_cost = statistics.median(
        [cost for _, cost in static]
        + [cost for *_, cost in (floor, *uncached.values(), *cached.values())]
    )
    print(f"\nwrk -t2 -c{options.connections} -d{options.seconds}s, {rounds} rounds (medians); "
          "gunicorn as `make run`: 2 workers x 32 threads, DEBUG off; SQLite, demo content\n")
    print("                               req/s  rate/static | CPU ms/req  static CPU/page CPU")
    print(f"  static file (whitenoise) {static_rate:>9.1f}      (base)  | {static_cost:>8.3f}")
    rows = [("/healthz/ (one query)", floor),
            *((f"uncached {name}", figures) for name, figures in uncached.items())]  # fmt: skip
    for label, (rate, ratio, cost, _) in rows:
        share = static_cost / cost
        print(f"  {label:<24} {rate:>9.1f} {ratio:>11.1%}  | {cost:>8.3f} {share:>14.1%}")
    print("\n  through Varnish (deploy/varnish.vcl; CPU is Varnish's, not measured):")
    for name, (rate, ratio, _, _) in cached.items():
        print(f"  {name:<24} {rate:>9.1f} {ratio:>9.2f} x the static file")
    print()


if __name__ == "__main__":
    main()

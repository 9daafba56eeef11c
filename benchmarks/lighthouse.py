"""Lighthouse scores and transfer sizes of the demo site's home, course and module pages.

    .venv/bin/python benchmarks/lighthouse.py [--keep-reports DIR]

Builds a throwaway SQLite database with the demo content and serves it as `make run` does
(gunicorn with deploy/gunicorn.conf.py, sts_learn.settings.local, DEBUG off, collected static
files), then runs Lighthouse (npm package pinned in benchmarks/lighthouse/package-lock.json,
installed there with `npm ci` when missing) in headless Debian Chromium (/usr/bin/chromium,
installed with apt-get when missing), once with its mobile defaults (simulated slow 4G and a
mid-range phone) and once with `--preset=desktop`. It prints, for every page and form factor, the
performance, accessibility, best-practices and SEO scores, the bytes transferred (the
`total-byte-weight` audit), and the titles of the audits that fail (score under 0.9, as
Lighthouse's report counts them) in any category scoring under 98. Last, the home page's
first-visit transfer size against the 60 kB budget. Nothing here asserts: the performance score
swings with this shared machine's load.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pages import PYTHON, ROOT, free_port, prepare, stop, wait_until_up

LIGHTHOUSE_DIR = ROOT / "benchmarks" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home": "/",
    "course": "/courses/understanding-sts/",
    "module": "/courses/understanding-sts/what-is-sts/",
}
FORM_FACTORS = {"mobile": [], "desktop": ["--preset=desktop"]}
GOOD_SCORE = 98  # below this a category's failing audits are listed
HOME_BUDGET_KB = 60  # issue 11: the home page's first visit transfers at most this much


def start_gunicorn(env, log_path):
    """gunicorn as `make run` starts it; its log goes to a file, shown when something fails."""
    port = free_port()
    log = open(log_path, "wb")  # noqa: SIM115 (open as long as the server runs)
    process = subprocess.Popen(
        [str(Path(PYTHON).with_name("gunicorn")), "-c", "deploy/gunicorn.conf.py",
         "sts_learn.wsgi"],
        cwd=ROOT, stdout=log, stderr=log,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}",
             "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}"},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url, process)
    return process, url


def ensure_lighthouse():
    if LIGHTHOUSE.exists():
        return
    if not shutil.which("npm"):
        sys.exit("npm is not installed: apt-get install npm (Node 18.20 or later)")
    print("installing Lighthouse (npm ci in benchmarks/lighthouse/)", flush=True)
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=LIGHTHOUSE_DIR, check=True,
    )  # fmt: skip


def ensure_chromium():
    if os.access(CHROMIUM, os.X_OK):
        return
    if CHROMIUM != "/usr/bin/chromium":
        sys.exit(f"Chromium not found at {CHROMIUM} (CHROMIUM_PATH)")
    print("installing Debian's chromium (apt-get)", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "chromium"],
        check=True, env=env, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def lighthouse(url, extra_args, report_path):
    """Lighthouse's JSON report (a dict) of `url`."""
    args = [
        str(LIGHTHOUSE), url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        "--output=json", f"--output-path={report_path}", "--quiet",
        *extra_args,
    ]  # fmt: skip
    # The CLI takes the browser from CHROME_PATH (it has no --chrome-path flag).
    done = subprocess.run(
        args, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(" ".join((done.stderr or done.stdout).split())[-300:])
    return json.loads(Path(report_path).read_text(encoding="utf-8"))


def score(report, category):
    value = report["categories"][category]["score"]
    return None if value is None else round(value * 100)


def transfer_bytes(report):
    return report["audits"]["total-byte-weight"]["numericValue"]


def failing_audits(report, category):
    """Titles (and Lighthouse's figure, where it gives one) of the category's failing audits."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if audit.get("score") is None or audit["scoreDisplayMode"] in ("manual", "informative"):
            continue
        if audit["score"] < 0.9:
            figure = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            found.append(f"{audit['title']}{figure}")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep-reports", metavar="DIR", help="also save the JSON reports here")
    options = parser.parse_args()
    ensure_lighthouse()
    ensure_chromium()
    version = subprocess.run(
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    browser = subprocess.run(
        [CHROMIUM, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    results, errors = [], {}
    with tempfile.TemporaryDirectory(prefix="sts-lighthouse-") as tmp:
        workdir = Path(tmp)
        env = prepare(workdir)
        server_log = workdir / "gunicorn.log"
        gunicorn, app = start_gunicorn(env, server_log)
        try:
            for name, path in PAGES.items():
                for form_factor, extra_args in FORM_FACTORS.items():
                    print(f"lighthouse {form_factor} {path}", flush=True)
                    report_path = workdir / f"{name}-{form_factor}.json"
                    try:
                        report = lighthouse(app + path, extra_args, report_path)
                    except RuntimeError as error:
                        errors[name, form_factor] = str(error)
                        continue
                    if options.keep_reports:
                        Path(options.keep_reports).mkdir(parents=True, exist_ok=True)
                        shutil.copy(report_path, options.keep_reports)
                    results.append((name, path, form_factor, report))
        finally:
            stop(gunicorn)
            if errors:
                errors_in_log = [
                    line
                    for line in server_log.read_text(errors="replace").splitlines()
                    if "Error" in line
                ]
                print("\nthe server's log, its error lines (last 5):")
                print("\n".join(f"    {line}" for line in errors_in_log[-5:]))

    print(f"\nLighthouse {version}, {browser} headless; gunicorn as `make run` (DEBUG off), "
          "SQLite, demo content; mobile = Lighthouse's defaults (simulated slow 4G), desktop = "
          "--preset=desktop\n")  # fmt: skip
    header = f"  {'page':<8} {'form':<8} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'kB':>7}"
    print(header)
    print("  " + "-" * (len(header) - 2))
    for name, path, form_factor, report in results:
        scores = [score(report, category) for category in CATEGORIES]
        cells = " ".join(f"{'-' if s is None else s:>5}" for s in scores)
        kilobytes = transfer_bytes(report) / 1000
        print(f"  {name:<8} {form_factor:<8} {cells} {kilobytes:>7.1f}   {path}")
    for (name, form_factor), error in errors.items():
        print(f"  {name:<8} {form_factor:<8} Lighthouse failed: {error}")
    print()
    for name, _path, form_factor, report in results:
        for category in CATEGORIES:
            value = score(report, category)
            if value is not None and value >= GOOD_SCORE:
                continue
            audits = failing_audits(report, category) or ["(no single audit under 0.9)"]
            print(f"  {name} {form_factor}, {category} {value}:")
            for title in audits:
                print(f"      - {title}")
    home = [report for name, _, form, report in results if name == "home" and form == "mobile"]
    if not home:
        print("  home page, first visit: not measured (Lighthouse failed)\n")
        return
    kilobytes = transfer_bytes(home[0]) / 1000
    verdict = "within" if kilobytes <= HOME_BUDGET_KB else "OVER"
    print(f"\n  home page, first visit: {kilobytes:.1f} kB transferred "
          f"({verdict} the {HOME_BUDGET_KB} kB target), by request:")  # fmt: skip
    requests = home[0]["audits"]["network-requests"]["details"]["items"]
    for item in sorted(requests, key=lambda item: -item.get("transferSize", 0)):
        url = item["url"].replace(app, "")
        print(f"      {item.get('transferSize', 0) / 1000:>7.1f} kB  {url}")
    print()


if __name__ == "__main__":
    main()

"""Times of site search and the handout library on a seeded database (issue 9).

    .venv/bin/python benchmarks/search.py --database-url URL [--runs 30]
    .venv/bin/python benchmarks/search.py --compare URL_SMALL URL_FULL [...] [--runs 30]
    .venv/bin/python benchmarks/search.py --database-url URL --explain "two words"

Seed the database first with benchmarks/seed_scale.py. In one process, Django's test client
calls the real views (Wagtail's page serving for the library) as an anonymous visitor: a fixed
set of searches (/search/) and of the library's listings (/handouts/), and /healthz/ (the least
any response costs here: the middleware and one query) as the yardstick. Every case is warmed
up, its SQL queries counted once, then timed `--runs` times, the cases taking turns so that the
machine's neighbours slow them all alike. Prints for each case its status, queries, median and
95th percentile (nearest rank) in ms, and the p95 as a multiple of /healthz/'s median.

`--compare` runs each database in its own process and prints them side by side, with the query
counts, which must not grow with the size. `--explain LABEL` prints the SQL of one case with
each query's time, and on PostgreSQL the EXPLAIN ANALYZE of the slowest. The time of opening a
database connection is not in the figures: the test client keeps one. Nothing here asserts.

The code timed is the one beside this script, and the report names its commit. To time one commit
while the working tree changes, run the script from an export of it (`git archive HEAD | tar -x
-C /tmp/tree`, then `.venv/bin/python /tmp/tree/benchmarks/search.py ...`).
"""

import argparse
import json
import logging
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_site import ROOT, configure, database_config

HEALTHZ = "healthz"
LONG_QUERY = "burnout " * 6250  # 50,000 characters


def cases(library_url):
    """(label, url, expected status) of every case; the filter values exist in every seed."""
    library = [
        ("no filter", ""),
        ("audience", "?audience=supervisors"),
        ("domain", "?domain=practice"),
        ("topic", "?topic=burnout"),
        ("kind", "?kind=worksheet"),
        ("language", "?language=es"),
        ("format", "?format=docx"),
        ("kind + language", "?kind=handout&language=en"),
        ("words q=burnout", "?q=burnout"),
        ("sort=newest", "?sort=newest"),
        ("page 10", "?page=10"),
    ]
    return [
        (HEALTHZ, "/healthz/", 200),
        ("search: common word", "/search/?q=stress", 200),
        ("search: rare word", "/search/?q=countertransference", 200),
        ("search: two words", "/search/?q=supervision+burnout", 200),
        ("search: synonym EAP", "/search/?q=EAP", 200),
        ("search: British spelling", "/search/?q=organisational", 200),
        ("search: phrase, stopwords", "/search/?q=the+signs+of+compassion+fatigue+in+the+team",
         200),
        ("search: kind filter", "/search/?q=self-care&kind=handout", 200),
        ("search: domain + audience", "/search/?q=resilience&domain=practice&audience=supervisors",
         200),
        ("search: page 5", "/search/?q=stress&page=5", 200),
        ("search: 50,000 characters", "/search/?q=" + LONG_QUERY.replace(" ", "+"), 400),
        *((f"library: {label}", library_url + query, 200) for label, query in library),
    ]  # fmt: skip


def revision():
    """The commit the code comes from, and whether the code differs from it."""
    git = ["git", "-C", str(ROOT)]
    try:
        commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return "code outside a git checkout"
    changes = subprocess.run([*git, "status", "--porcelain", "--untracked-files=no"],
                             capture_output=True, text=True).stdout.strip()  # fmt: skip
    return f"commit {commit}" + (" with uncommitted changes" if changes else "")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def measure(runs):
    """{label: figures} of every case on the database Django is set up on."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from courses.models import CourseDocument, ModulePage
    from library.models import HandoutLibraryPage
    from search.models import SearchTerm

    logging.getLogger("django.request").setLevel(logging.ERROR)  # the expected 400
    client = Client(HTTP_HOST="localhost")

    def get(url):
        client.cookies.clear()
        return client.get(url)

    library = HandoutLibraryPage.objects.live().get()
    chosen = cases(library.url)
    results = {}
    for label, url, expected in chosen:
        for _ in range(2):
            status = get(url).status_code
        with CaptureQueriesContext(connection) as queries:
            get(url)
        results[label] = {"status": status, "expected": expected, "queries": len(queries),
                          "times": []}  # fmt: skip
    for _ in range(runs):
        for label, url, _expected in chosen:
            started = time.perf_counter()
            get(url)
            results[label]["times"].append((time.perf_counter() - started) * 1000)
    floor = statistics.median(results[HEALTHZ]["times"])
    for figures in results.values():
        times = figures.pop("times")
        figures["median"] = statistics.median(times)
        figures["p95"] = percentile(times, 0.95)
        figures["ratio"] = figures["p95"] / floor
    return {
        "vendor": connection.vendor,
        "size": {
            "modules": ModulePage.objects.count(),
            "documents": CourseDocument.objects.count(),
            "terms": SearchTerm.objects.count(),
        },
        "load": os.getloadavg()[0],
        "revision": revision(),
        "results": results,
    }


def label_of(report):
    size = report["size"]
    name = "PostgreSQL" if report["vendor"] == "postgresql" else "SQLite"
    return f"{name}, {size['modules']:,} modules / {size['documents']:,} docs"


def print_report(report, runs):
    print(f"{label_of(report)}, {report['size']['terms']:,} terms; {runs} runs; "
          f"load average {report['load']:.1f}; {report['revision']}")  # fmt: skip
    print(f"{'case':<30} {'status':>6} {'queries':>7} {'median ms':>10} {'p95 ms':>8} "
          f"{'p95 ÷ healthz':>14}")  # fmt: skip
    for label, figures in report["results"].items():
        status = str(figures["status"])
        if figures["status"] != figures["expected"]:
            status += "!"
        print(f"{label:<30} {status:>6} {figures['queries']:>7} {figures['median']:>10.1f} "
              f"{figures['p95']:>8.1f} {figures['ratio']:>13.0f}×")  # fmt: skip


def print_comparison(reports):
    print(" | ".join(f"[{number}] {label_of(r)}" for number, r in enumerate(reports, 1)))
    print("Code: " + "; ".join(sorted({report["revision"] for report in reports})))
    head = " ".join(f"{f'[{n}] med / p95 ms':>19}" for n in range(1, len(reports) + 1))
    print(f"{'case':<30} {'queries':>9} {head}")
    changed = []
    for label in reports[0]["results"]:
        rows = [report["results"][label] for report in reports]
        counts = {row["queries"] for row in rows}
        queries = (
            "/".join(str(row["queries"]) for row in rows)
            if len(counts) > 1
            else str(rows[0]["queries"])
        )
        if len(counts) > 1:
            changed.append(label)
        times = " ".join(f"{row['median']:>9.1f} / {row['p95']:>6.1f}" for row in rows)
        print(f"{label:<30} {queries:>9} {times}")
    print(
        "Query counts: "
        + (f"CHANGE with size in {changed}" if changed else "the same at every size")
    )


def explain(label):
    """The SQL of one case, each query's time, and PostgreSQL's plan of the slowest three."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from library.models import HandoutLibraryPage

    chosen = {
        name: url for name, url, _status in cases(HandoutLibraryPage.objects.live().get().url)
    }
    if label not in chosen:
        raise SystemExit(f"No case {label!r}; the cases: {', '.join(chosen)}")
    client = Client(HTTP_HOST="localhost")
    client.get(chosen[label])
    with CaptureQueriesContext(connection) as queries:
        client.get(chosen[label])
    captured = list(queries.captured_queries)
    for number, query in enumerate(captured, 1):
        print(f"-- [{number}] {float(query['time']) * 1000:.1f} ms\n{query['sql'][:3000]}\n")
    if connection.vendor != "postgresql":
        return
    slowest = sorted(captured, key=lambda query: -float(query["time"]))[:3]
    with connection.cursor() as cursor:
        for query in slowest:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            print(f"-- EXPLAIN ANALYZE ({float(query['time']) * 1000:.1f} ms when captured)")
            print("\n".join(row[0] for row in cursor.fetchall()), "\n")


def compare(urls, runs):
    reports = []
    for url in urls:
        database_config(url)
        with tempfile.NamedTemporaryFile(suffix=".json") as output:
            command = [sys.executable, __file__, "--database-url", url, "--runs", str(runs),
                       "--json", output.name]  # fmt: skip
            subprocess.run(command, check=True)
            reports.append(json.loads(Path(output.name).read_text()))
        print()
    print_comparison(reports)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--database-url")
    where.add_argument("--compare", nargs="+", metavar="URL", help="two or more databases")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--explain", metavar="LABEL", help="the SQL and plans of one case")
    args = parser.parse_args()
    if args.compare:
        if len(args.compare) < 2:
            parser.error("--compare needs two or more database URLs")
        compare(args.compare, args.runs)
        return
    configure(args.database_url)
    if args.explain:
        explain(args.explain)
        return
    report = measure(args.runs)
    print_report(report, args.runs)
    if args.json:
        Path(args.json).write_text(json.dumps(report))


if __name__ == "__main__":
    main()

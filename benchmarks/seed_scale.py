"""A site of realistic size for the site search and handout library benchmark (issue 9).

    .venv/bin/python benchmarks/seed_scale.py --database-url sqlite:////tmp/scale.sqlite3 \\
        [--scale 1.0|0.1] [--seed 1] [--reset] [--demo-courses]

Migrates the database (a PostgreSQL one, e.g. postgres://postgres@127.0.0.1:5432/sts_scale, is
created with psql when missing), loads the consortium's pages with the demo loader
(`--demo-courses` adds its courses), then writes, at scale 1.0:

- 100 courses of 100 modules (10,000 modules) with summaries, objectives, key messages, an
  activity and two handouts written in each, domains and audiences; one course is trainer-only;
- 50,000 documents with 1 to 3 kB of text read from each: every module's slides (PowerPoint and
  PDF) and its two handouts as the site prints them, and 10,000 uploaded files (handouts,
  worksheets, slides, guides, forms) with audiences, topics, languages and formats, 40% of them
  offered by one or two modules and 3% in the trainer-only collection;
- the site search index of all of it.

At --scale 0.1, a tenth of everything (1,000 modules, 5,000 documents). The text is drawn from
the field's vocabulary and filler words (benchmarks/scale_corpus.py), the same for a seed on
every database; it states nothing and cites nothing.

Rows are written in bulk, not page by page (Wagtail's add_child costs about 10 ms a page): the
tree paths are computed here, page rows and their specific rows inserted in batches, and search
entries made with search.indexing's own `texts_of` and `weighted_terms` and inserted in bulk,
which sends no signals. A sample of entries is then written again by search.indexing itself and
compared. The documents share one small stored file per format (beside the database, never in
the repository's media/). No revisions are written and Wagtail's admin search index is not
filled: the site's own search and the library do not read them. `--reset` starts from an empty
database; without it a seeded database is refused. Prints the time taken and the row counts.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_site import configure, prepare_database


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--scale", type=float, default=1.0, help="1.0: 10,000 modules")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reset", action="store_true", help="empty the database first")
    parser.add_argument("--demo-courses", action="store_true", help="also the demo courses")
    args = parser.parse_args()
    if not 0 < args.scale <= 1.0:
        parser.error("--scale is a fraction of the full size, e.g. 0.1 or 1.0")
    prepare_database(args.database_url, reset=args.reset)
    configure(args.database_url)
    from scale_seeding import seed

    print(f"Seeding {args.database_url} at scale {args.scale} (seed {args.seed})", flush=True)
    seed(args.scale, args.seed, demo_courses=args.demo_courses)


if __name__ == "__main__":
    main()

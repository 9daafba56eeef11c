"""What the two scale benchmarks share: Django set up on the database they are given.

The settings are `make dev`'s with DEBUG off, and none of a deployment's services (no Redis,
OpenSearch, purging or bucket), so the figures are the database's and the code's alone. Media
files go to a folder beside the database, never to the repository's media/.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import environ

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ("REDIS_URL", "OPENSEARCH_URL", "FRONTEND_CACHE_PURGE_URL", "AWS_STORAGE_BUCKET_NAME")


def database_config(url):
    config = environ.Env.db_url_config(url)
    if config["ENGINE"] not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
        raise SystemExit(f"Only SQLite and PostgreSQL URLs are supported, not {url!r}.")
    return config


def is_sqlite(url):
    return database_config(url)["ENGINE"] == "django.db.backends.sqlite3"


def media_root(url):
    config = database_config(url)
    if is_sqlite(url):
        return Path(f"{config['NAME']}-media")
    return Path(f"/tmp/sts-scale-media-{config['NAME']}")


def _psql(config, sql):
    env = {**os.environ, "PGPASSWORD": str(config.get("PASSWORD") or "")}
    command = ["psql", "-X", "-q", "-tA", "-h", str(config.get("HOST") or "127.0.0.1")]
    command += ["-p", str(config.get("PORT") or 5432), "-U", config.get("USER") or "postgres"]
    command += ["-c", sql, "postgres"]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


def prepare_database(url, reset=False):
    """Create the PostgreSQL database when missing; with `reset`, start from nothing."""
    config = database_config(url)
    media = media_root(url)
    if reset:
        shutil.rmtree(media, ignore_errors=True)
    if is_sqlite(url):
        if reset:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{config['NAME']}{suffix}").unlink(missing_ok=True)
        return
    name = config["NAME"]
    if '"' in name:
        raise SystemExit("A database name with a double quote is not supported.")
    if reset:
        _psql(config, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if _psql(config, f"SELECT 1 FROM pg_database WHERE datname = '{name}'").strip() != "1":
        _psql(config, f'CREATE DATABASE "{name}"')


def configure(url):
    """Set Django up on the database at `url` (call before importing any model)."""
    database_config(url)
    for name in SERVICES:
        os.environ.pop(name, None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="sts_learn.settings.dev",
        DEBUG="False",
        DATABASE_URL=url,
        MEDIA_ROOT=str(media_root(url)),
    )
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    import django

    django.setup()

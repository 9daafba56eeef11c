"""The settings modules, each read once in a subprocess as a deployment would read them."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "sts_learn.settings.production",
    "SECRET_KEY": "a-long-random-production-key-for-tests-7c1e9a3f5b7d9e1f3a5c7e9b1d3f5a7c",
    "ALLOWED_HOSTS": "sts.example.org",
}
SERVICE_VARIABLES = ("DATABASE_URL", "REDIS_URL", "OPENSEARCH_URL", "ELASTICSEARCH_URL",
                     "AWS_STORAGE_BUCKET_NAME", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG",
                     "DJANGO_SETTINGS_MODULE", "FRONTEND_CACHE_PURGE_URL")  # fmt: skip
READ_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "SECRET_KEY": settings.SECRET_KEY,
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
    "SECURE_HSTS_SECONDS": settings.SECURE_HSTS_SECONDS,
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
    "WAGTAILADMIN_BASE_URL": settings.WAGTAILADMIN_BASE_URL,
    "DB_ENGINE": db["ENGINE"], "DB_HOST": db.get("HOST"), "DB_OPTIONS": db.get("OPTIONS", {}),
    "DB_CONN_MAX_AGE": db["CONN_MAX_AGE"],
    "CACHE": settings.CACHES["default"]["BACKEND"],
    "PRINTOUTS_CACHE": settings.CACHES["printouts"]["BACKEND"],
    "SEARCH": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "STORAGE": settings.STORAGES["default"]["BACKEND"],
    "STATICFILES": settings.STORAGES["staticfiles"]["BACKEND"],
    "FRONTEND_CACHE": getattr(settings, "WAGTAILFRONTENDCACHE", None),
}))
"""


def run(args, **env):
    clean_env = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env={**clean_env, **env},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def read_settings(**env):
    result = run(["-c", READ_SETTINGS], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def production():
    return read_settings(**PRODUCTION_ENV, WAGTAILADMIN_BASE_URL="https://sts.example.org")


@pytest.fixture(scope="module")
def local():
    """`make run`'s settings, read twice (two processes, as two gunicorn workers)."""
    return [read_settings(DJANGO_SETTINGS_MODULE="sts_learn.settings.local") for _ in range(2)]


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run(["manage.py", "check"], **env)
    assert result.returncode != 0
    assert f"Set {missing}" in result.stderr


def test_check_deploy_reports_nothing_with_production_settings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_turns_on_hsts_secure_cookies_and_admin_base_url(production):
    assert production["DEBUG"] is False
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] == 31536000
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    assert production["WAGTAILADMIN_BASE_URL"] == "https://sts.example.org"


def test_make_run_serves_like_production_on_plain_http_at_home(local):
    first = local[0]
    assert first["DEBUG"] is False
    assert set(first["ALLOWED_HOSTS"]) == {"127.0.0.1", "localhost", "[::1]"}
    assert first["SECURE_SSL_REDIRECT"] is False  # plain HTTP on 127.0.0.1
    assert not first["SESSION_COOKIE_SECURE"]
    assert first["STATICFILES"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_make_run_collects_the_static_files_before_loading_the_demo():
    """The demo loader prints PDFs, whose CSS and fonts are the collected (hashed) static files."""
    dry_run = subprocess.run(["make", "-n", "run"], cwd=BASE_DIR, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr
    commands = dry_run.stdout
    assert 0 < commands.index("collectstatic") < commands.index("load_demo_content")


def test_make_run_generates_its_secret_key_once_into_a_private_ignored_file(local):
    first, second = local
    key_file = BASE_DIR / ".secret-key"
    assert len(first["SECRET_KEY"]) >= 50
    assert second["SECRET_KEY"] == first["SECRET_KEY"] == key_file.read_text().strip()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    ignored = subprocess.run(["git", "check-ignore", "-q", str(key_file)], cwd=BASE_DIR)
    assert ignored.returncode == 0


def test_embedded_default_needs_no_services_and_takes_several_writers(local):
    settings = local[0]
    assert "sqlite3" in settings["DB_ENGINE"]
    assert settings["DB_OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in settings["DB_OPTIONS"]["init_command"]
    assert settings["DB_OPTIONS"]["timeout"] >= 10
    assert settings["DB_CONN_MAX_AGE"] > 0  # each server thread keeps its connection
    assert "LocMemCache" in settings["CACHE"]
    assert settings["SEARCH"] == "wagtail.search.backends.database"
    assert "FileSystemStorage" in settings["STORAGE"]
    assert settings["FRONTEND_CACHE"] is None


def test_environment_switches_on_the_services():
    settings = read_settings(
        DJANGO_SETTINGS_MODULE="sts_learn.settings.dev",
        DATABASE_URL="postgres://sts@db.internal:5432/sts",
        REDIS_URL="redis://cache.internal:6379/1",
        OPENSEARCH_URL="https://search.internal:9200",
        AWS_STORAGE_BUCKET_NAME="sts-media",
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081",
    )
    assert "postgresql" in settings["DB_ENGINE"]
    assert settings["DB_HOST"] == "db.internal"
    assert "transaction_mode" not in settings["DB_OPTIONS"]
    assert settings["DB_CONN_MAX_AGE"] == 0
    assert "RedisCache" in settings["CACHE"]
    assert "LocMemCache" in settings["PRINTOUTS_CACHE"]  # rendered PDFs never fill Redis
    assert "opensearch" in settings["SEARCH"]
    assert settings["STORAGE"] == "storages.backends.s3.S3Storage"
    assert settings["FRONTEND_CACHE"]["default"]["LOCATION"] == "http://127.0.0.1:6081"

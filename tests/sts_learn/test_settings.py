"""The settings modules, run in a subprocess as a deployment would run them."""

import os
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
                     "AWS_STORAGE_BUCKET_NAME", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG")  # fmt: skip


def run(args, **env):
    clean_env = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def setting(name, **env):
    """The value of a setting as Django sees it with these environment variables."""
    code = (
        f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    )
    result = run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


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


def test_production_turns_on_hsts_secure_cookies_and_admin_base_url():
    env = {**PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": "https://sts.example.org"}
    assert setting("SECURE_HSTS_SECONDS", **env) == "31536000"
    assert setting("SESSION_COOKIE_SECURE", **env) == "True"
    assert setting("CSRF_COOKIE_SECURE", **env) == "True"
    assert setting("WAGTAILADMIN_BASE_URL", **env) == "https://sts.example.org"


def test_embedded_defaults_need_no_services():
    env = {"DJANGO_SETTINGS_MODULE": "sts_learn.settings.dev"}
    assert "sqlite3" in setting("DATABASES['default']['ENGINE']", **env)
    assert "LocMemCache" in setting("CACHES['default']['BACKEND']", **env)
    assert setting("WAGTAILSEARCH_BACKENDS['default']['BACKEND']", **env) == (
        "wagtail.search.backends.database"
    )
    assert "FileSystemStorage" in setting("STORAGES['default']['BACKEND']", **env)


def test_environment_switches_on_the_services():
    env = {
        "DJANGO_SETTINGS_MODULE": "sts_learn.settings.dev",
        "DATABASE_URL": "postgres://sts@db.internal:5432/sts",
        "REDIS_URL": "redis://cache.internal:6379/1",
        "OPENSEARCH_URL": "https://search.internal:9200",
        "AWS_STORAGE_BUCKET_NAME": "sts-media",
    }
    assert "postgresql" in setting("DATABASES['default']['ENGINE']", **env)
    assert setting("DATABASES['default']['HOST']", **env) == "db.internal"
    assert "RedisCache" in setting("CACHES['default']['BACKEND']", **env)
    assert "opensearch" in setting("WAGTAILSEARCH_BACKENDS['default']['BACKEND']", **env)
    assert setting("STORAGES['default']['BACKEND']", **env) == "storages.backends.s3.S3Storage"

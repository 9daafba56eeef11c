"""The test suite: fast hashing, in-memory cache, isolated media, a test database in a file."""

import tempfile

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, STORAGES, env

DEBUG = False
SECRET_KEY = "test-only-not-secret-6c2e8a0f4b1d3e5a7c9e1f3a5b7d9f1b"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Processes started by the serving tests are handed the media folder of the run that started them.
MEDIA_ROOT = env("TEST_MEDIA_ROOT", default="") or tempfile.mkdtemp(prefix="sts-learn-test-media-")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Static files straight from the source folders: no collectstatic needed.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

# On SQLite the test database is a file, not memory: the serving tests start gunicorn and other
# processes against it, and `pytest --reuse-db` keeps it between runs.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # TEST_DB_NAME gives a second run on this machine its own file.
    test_db = env("TEST_DB_NAME", default="") or str(BASE_DIR / ".test-db.sqlite3")
    DATABASES["default"]["TEST"] = {"NAME": test_db}
    # A throwaway database: no waiting for the disk after each commit.
    DATABASES["default"]["OPTIONS"]["init_command"] += " PRAGMA synchronous=OFF;"

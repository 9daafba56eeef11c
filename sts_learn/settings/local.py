"""`make run`: the site served as production serves it, on this machine's embedded default.

DEBUG off, the site's own 404 and 500 pages, hashed static files from whitenoise, gunicorn with
threaded workers (deploy/gunicorn.conf.py). It speaks plain HTTP on the local host names, so there
is no HTTPS redirect and no secure-only cookie. The secret key is generated once into
`.secret-key` beside manage.py (git-ignored) unless SECRET_KEY is set.
"""

import os
import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR, STORAGES, env

SECRET_KEY_FILE = BASE_DIR / ".secret-key"


def local_secret_key(path):
    """The key kept in `path`, created (readable by its owner only) the first time."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(descriptor, "w", encoding="utf-8") as key_file:
        key = secrets.token_urlsafe(50)
        key_file.write(key)
    return key


DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="") or local_secret_key(SECRET_KEY_FILE)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Compressed, hashed static files, as in production (`make run` runs collectstatic).
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

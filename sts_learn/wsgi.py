"""WSGI entry point for gunicorn: `gunicorn sts_learn.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sts_learn.settings.production")

application = get_wsgi_application()

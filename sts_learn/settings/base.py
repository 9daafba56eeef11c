"""Settings shared by every environment.

The embedded default needs nothing but Python packages: SQLite, Wagtail's database search backend,
local media and a local-memory cache. Environment variables switch on the services of a real
deployment (see the README's table); this module is the only place that reads them.
"""

from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "home",
    "courses",
    "search",
    "kits",
    "materials",
    "library",
    "demo",
    "api",
    "feeds",
    "roles",
    "review",
    "accounts",
    "reports",
    "contributions",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.api.v2",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a request for a host not in ALLOWED_HOSTS gets a plain 400 before anything reads it.
    "sts_learn.middleware.AllowedHostsMiddleware",
    # Every response leaves with a Cache-Control header (`private` unless a view said otherwise).
    "sts_learn.middleware.DefaultCacheControlMiddleware",
    # Pages, JSON and feeds leave gzipped (with Vary: Accept-Encoding); downloads never are.
    "sts_learn.middleware.CompressPagesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "sts_learn.middleware.PrivateRedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Axes' backend refuses locked-out sign-ins first; ModelBackend then authenticates. (AxesBackend,
# unlike AxesStandaloneBackend, can also load a signed-in user, as Wagtail's test helpers expect.)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "sts_learn.urls"
WSGI_APPLICATION = "sts_learn.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite unless DATABASE_URL names another (postgres://user@host:5432/name).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
# Opening a SQLite connection costs more than most pages' queries (it sets WAL mode): each server
# thread keeps its own. PostgreSQL connections are closed after each request unless asked.
DATABASES["default"]["CONN_MAX_AGE"] = env.int(
    "DATABASE_CONN_MAX_AGE", default=600 if SQLITE else 0
)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if SQLITE:
    # Several writers at once (two moderators publishing, a worker thread saving a document):
    # WAL lets readers go on while one writes, IMMEDIATE takes the write lock when a transaction
    # starts (so it never fails half-way with "database is locked"), and a writer waits up to
    # `timeout` seconds for the lock. PostgreSQL stays the choice for more than one machine.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=30),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL is set (shared by every app server behind a load balancer).
# "printouts" keeps each process's latest rendered PDFs (materials/pdf.py) in its own memory,
# bounded: a visitor making endless kit variants can never fill a shared cache.
PRINTOUTS_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "printouts",
    "OPTIONS": {"MAX_ENTRIES": 128},
}
if env("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "sts-learn",
        },
        "printouts": PRINTOUTS_CACHE,
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "printouts": PRINTOUTS_CACHE,
    }

# HTTP caching: public page views for anonymous visitors may be kept this many seconds by a shared
# cache (Varnish, a CDN: `s-maxage`); browsers always revalidate. Publishing, unpublishing, moving
# or restricting a page purges it (and the listings that show it) from the cache named by
# FRONTEND_CACHE_PURGE_URL. Everything that depends on who is signed in is `private`.
HTTP_CACHE_SECONDS = env.int("HTTP_CACHE_SECONDS", default=600)

# Tasks run immediately in the request unless a worker backend is configured.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# Static files are served by whitenoise; media (documents, images) by the storage below.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# S3-compatible media: set AWS_STORAGE_BUCKET_NAME (and credentials, endpoint, region as needed).
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# Complex page forms in the editor post many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "STS Learn"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_DOCUMENT_MODEL = "courses.CourseDocument"
# Metadata left out of a submission (the multiple uploader sends only title, collection and file)
# takes the model's default instead of failing as required.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "courses.document_forms.DocumentFormWithModelDefaults"
# Documents are served through Django so that privacy (collections) is always checked.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document downloads as an attachment (trainers save decks and handouts, not view them).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Editors' avatars are Wagtail's own, never fetched from gravatar.com (their e-mail addresses stay
# here, and the admin works offline).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Evidence review: a course or module edited after a reviewer approved it goes back to the review
# (Wagtail publishes a workflow's latest revision, so an approval holds for the text approved).
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Draftail, with a malformed posted value a form error instead of a server error.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "sts_learn.rich_text.CheckedDraftailRichTextArea"},
}
WAGTAILSEARCH_HITS_MAX_AGE = 30
# The open data API (api/) gives rich text as pages show it: links resolved to addresses.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# Uploads. What trainers and HR staff really exchange: decks, handouts, worksheets, spreadsheets.
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "pptx", "ppt", "docx", "doc", "xlsx", "xls", "odt", "odp", "ods", "rtf", "txt", "csv",
    "epub", "mp3", "m4a", "mp4",
]  # fmt: skip
# Slide decks with embedded images and video run large; 100 MB fits the biggest we have seen.
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("DOCUMENT_MAX_UPLOAD_SIZE", default=100 * 1024 * 1024)
# Reading a request body stops once its files pass that size (sts_learn/uploads.py).
FILE_UPLOAD_HANDLERS = [
    "sts_learn.uploads.UploadSizeLimit",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif", "svg"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_SIZE", default=15 * 1024 * 1024)
# Decompression bombs: 40 megapixels is well above any photo a page needs.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)

# Site search's term index covers its columns on PostgreSQL (an index-only scan); SQLite builds
# the same index without them, which is all this warning says.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# Search: Wagtail's database backend unless an OpenSearch/Elasticsearch URL is set.
if env("OPENSEARCH_URL", default=""):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch2",
            "URLS": [env("OPENSEARCH_URL")],
            "INDEX": env("SEARCH_INDEX", default="sts_learn"),
        }
    }
elif env("ELASTICSEARCH_URL", default=""):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [env("ELASTICSEARCH_URL")],
            "INDEX": env("SEARCH_INDEX", default="sts_learn"),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Front-end cache purging (Varnish or a CDN in front of the app servers), switched on by its URL,
# e.g. http://127.0.0.1:6081 for the Varnish of deploy/. The purge requests carry the site's host.
if env("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        }
    }

# Slow downloads (kits, documents) never take every thread: each app server process streams at
# most this many at once and answers further ones with 503 and Retry-After. Keep it below the
# threads per process (deploy/gunicorn.conf.py keeps 8 threads free for pages).
DOWNLOAD_SLOTS = env.int("DOWNLOAD_SLOTS", default=24)

# Security headers. Nothing may frame the site; Wagtail lets its own preview views frame themselves.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Content Security Policy for public pages: no inline script anywhere. The admin (Wagtail's own
# inline scripts and styles) is excluded.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *env.list("CSP_MEDIA_ORIGINS", default=[])],
        "media-src": ["'self'", *env.list("CSP_MEDIA_ORIGINS", default=[])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Login throttling: after 5 failures for a username from one address, a 15-minute cool-off.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("LOGIN_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "pages/lockout.html"
# Behind proxies (Varnish, a load balancer) every request comes from a proxy's address; the
# visitor's is the one the first of our TRUSTED_PROXY_COUNT proxies appended to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "sts_learn.throttling.client_address"
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Demo content: `load_demo_content` may create demo accounts (never under production settings).
DEMO_CONTENT_ALLOWED = True
DEMO_PASSWORD = env("DEMO_PASSWORD", default="")

# Restricted pages and files send visitors to the public sign-in page (the admin keeps its own).
WAGTAIL_FRONTEND_LOGIN_URL = "/sign-in/"
LOGIN_URL = "accounts:sign_in"

# Session kits: the most a kit's slides and handouts may add up to (the ZIP is streamed).
KIT_MAX_BYTES = env.int("KIT_MAX_BYTES", default=2 * 1024**3)

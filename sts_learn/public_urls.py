"""The site's public address for a path, built from settings rather than from the request."""

from django.conf import settings


def public_url(path):
    """The site's public address for a path, e.g. https://learn.example.org/courses/.

    Built from WAGTAILADMIN_BASE_URL (the site's own address in every environment), never from
    the request's Host header: public pages are shared by caches, and a Host that Django accepts
    (another port, a trailing dot, another case) would otherwise be written into them for all.
    """
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")

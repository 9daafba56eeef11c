"""What browsers and home screens ask a site for: the web app manifest and /favicon.ico."""

import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.templatetags.static import static
from django.utils.cache import patch_cache_control

from sts_learn import brand, caching

# Static names change with their content (hashed) at each deploy: kept an hour, then asked again.
ICON_SECONDS = 60 * 60

ICONS = (
    ("img/brand/icon-192.png", "192x192", "image/png", "any"),
    ("img/brand/icon-512.png", "512x512", "image/png", "any"),
    ("img/brand/icon-maskable-512.png", "512x512", "image/png", "maskable"),
    ("img/brand/favicon.svg", "any", "image/svg+xml", "any"),
)


def manifest_data():
    return {
        "name": brand.NAME,
        "short_name": brand.NAME,
        "description": brand.DESCRIPTION,
        "lang": "en",
        "start_url": "/",
        "scope": "/",
        # The address bar stays: a kit lives in its link, and PDFs open in the browser.
        "display": "minimal-ui",
        "theme_color": brand.colour("brand"),
        "background_color": brand.colour("paper"),
        "icons": [
            {"src": static(name), "sizes": sizes, "type": kind, "purpose": purpose}
            for name, sizes, kind, purpose in ICONS
        ],
    }


def web_manifest(request):
    """/site.webmanifest: the name, colours and icons used when the site is installed."""
    response = HttpResponse(
        json.dumps(manifest_data(), indent=2), content_type="application/manifest+json"
    )
    return caching.shared(response, seconds=ICON_SECONDS)


@cache
def favicon_bytes():
    return (Path(settings.BASE_DIR) / "static" / "img" / "brand" / "favicon.ico").read_bytes()


def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page's <head> says.

    The icon itself, not a redirect to its hashed name: a redirect kept by a browser for an hour
    could outlive the hashed file after a deploy.
    """
    response = HttpResponse(favicon_bytes(), content_type="image/vnd.microsoft.icon")
    # Browsers keep it an hour; an icon an hour old after a deploy does no harm.
    patch_cache_control(response, public=True, max_age=ICON_SECONDS)
    return response

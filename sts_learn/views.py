"""Views of the project itself: the health check, image renditions from local storage."""

import os

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse
from django.utils._os import safe_join
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache

RENDITIONS_FOLDER = "images"
RENDITION_MAX_AGE = 24 * 60 * 60  # a rendition's name changes with its image
# An SVG is a document that can carry script, forms and links. Opened directly (not through an
# <img>, where browsers never run it), it gets a sandbox of its own: no script, no forms, not
# our origin, nothing loaded from elsewhere. Its inline styles and embedded data still show.
SVG_POLICY = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "frame-ancestors 'none'"
)


@never_cache
def healthz(request):
    """200 "ok" when this app server can reach its database (for load balancers and Varnish)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def image_rendition(request, path):
    """An image rendition (the resized copies pages and the admin show) from local media.

    Only renditions: documents go through Wagtail's document view, which checks privacy, and
    original uploads are never served. With a storage bucket, renditions come from the bucket.
    SVG renditions are served in a sandbox (SVG_POLICY): an uploaded SVG's script never runs here.
    """
    try:
        # Joined onto the renditions folder itself: "../" can never leave it.
        full_path = safe_join(os.path.join(settings.MEDIA_ROOT, RENDITIONS_FOLDER), path)
        response = FileResponse(open(full_path, "rb"))  # noqa: SIM115 (FileResponse closes it)
    except (OSError, ValueError, SuspiciousFileOperation) as error:
        raise Http404("No such image.") from error
    patch_cache_control(response, public=True, max_age=RENDITION_MAX_AGE)
    if full_path.lower().endswith(".svg"):
        # Set here, the site's own policy (csp.middleware) leaves it as it is.
        response["Content-Security-Policy"] = SVG_POLICY
    return response

"""How each response may be cached: one vocabulary for every view.

- ``shared``: a public page as every anonymous visitor sees it. A shared cache (Varnish, a CDN)
  may keep it for HTTP_CACHE_SECONDS and is purged when it changes; browsers revalidate.
- ``private``: depends on who asks (search, kits, signed-in views, errors): only the visitor's
  browser may keep it, and only after checking back.
- ``restricted``: holds something not everyone may see: nobody stores it.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

from sts_learn.privacy import is_public, may_be_signed_in

SAFE_METHODS = ("GET", "HEAD")


def shared(response, seconds=None):
    seconds = settings.HTTP_CACHE_SECONDS if seconds is None else seconds
    patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
    return response


def private(response):
    patch_cache_control(response, private=True, no_cache=True)
    return response


def restricted(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def may_share_page_view(page, request, response):
    """True when every anonymous visitor asking this URL gets exactly this response."""
    return (
        request.method in SAFE_METHODS
        and response.status_code == 200
        and not may_be_signed_in(request)
        and not response.cookies
        and set(request.GET) <= set(getattr(page, "cache_query_parameters", ()))
    )


def set_page_cache_headers(page, request, response):
    """Cache-Control of a page view, unless the page's own view already decided."""
    if response.has_header("Cache-Control"):
        return response
    if not is_public(page, request):
        return restricted(response)
    if may_share_page_view(page, request, response):
        return shared(response)
    return private(response)

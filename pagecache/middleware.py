"""Serve anonymous visitors' page views from the page cache, before any other work."""

from django.utils.cache import cc_delim_re
from wagtail.models import Site

from pagecache import cache as page_cache
from pagecache.cache import remember
from sts_learn.privacy import may_be_signed_in

CACHE_HEADER = "X-Page-Cache"
# Query parameters of links the site makes (course filters). Any other query string is served
# but not stored, so random query strings cannot fill the cache.
CACHEABLE_PARAMETERS = {"audience", "domain"}


def mark_cacheable(request):
    """Called while serving a public page: its response may be stored for anonymous visitors."""
    request.page_cache_allowed = True


def storable(request, response):
    vary = {header.lower() for header in cc_delim_re.split(response.get("Vary", ""))}
    cache_control = response.get("Cache-Control", "")
    return (
        getattr(request, "page_cache_allowed", False)
        and set(request.GET) <= CACHEABLE_PARAMETERS
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "cookie" not in vary
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class PageCacheMiddleware:
    """Place it right after the security and static-file middleware (see settings/base.py).

    Only GET requests without a session cookie are looked up, and only responses of public
    Wagtail pages (marked by a before_serve_page hook) are stored, so nothing that depends on
    who the visitor is can reach the cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = page_cache.timeout()
        if not timeout or request.method != "GET" or may_be_signed_in(request):
            return self.get_response(request)
        key = page_cache.key_for(request, page_cache.generation())
        cached = page_cache.cache.get(key)
        if cached is not None:
            cached[CACHE_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if storable(request, response):
            response[CACHE_HEADER] = "miss"
            page_cache.cache.set(key, response, timeout)
        return response


class SiteMemoMiddleware:
    """Find the request's Wagtail site from the memo instead of a query on every request.

    Place it after CommonMiddleware, so the host has passed ALLOWED_HOSTS before it becomes
    part of a cache key. Sites are watched (pagecache.signals): a change empties the memo.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = request.get_host()
        site = remember(f"site:{host}", lambda: Site._find_for_request(request) or False)
        if site:
            request._wagtail_site = site
        return self.get_response(request)

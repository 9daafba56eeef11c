"""Project-wide middleware: the host check, default Cache-Control, redirects that keep secrets,
compression of pages."""

import logging
from urllib.parse import urlparse

from django.core.exceptions import DisallowedHost
from django.http import (
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control
from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from sts_learn import caching
from sts_learn.privacy import is_public, visible_pages

logger = logging.getLogger("sts_learn.security")


class AllowedHostsMiddleware:
    """Answer a request for a host outside ALLOWED_HOSTS with a plain 400, before anything else.

    Django would raise DisallowedHost wherever the host is first read and log it with a
    traceback; here the request ends at once, logged as a warning without one. It must stay the
    first middleware: several behind it (common, CSRF, redirects) read the host.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost as refusal:
            logger.warning("Refused a request for an unknown host: %s", refusal)
            response = HttpResponseBadRequest(
                "Bad request: this server does not answer for that host name.\n",
                content_type="text/plain; charset=utf-8",
            )
            return caching.restricted(response)
        return self.get_response(request)


class DefaultCacheControlMiddleware:
    """Every response says how it may be cached: `private, no-cache` unless its view said so.

    Public page views set their own `public, s-maxage` (home/wagtail_hooks.py); static files
    get whitenoise's headers. Whatever else leaves the site (search, kits, errors, redirects,
    the admin) may be kept by the visitor's browser only, and only after checking with us. A
    response that sets a cookie is never shared, whatever its view said.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.cookies and "public" in response.get("Cache-Control", ""):
            # A response that sets a cookie (a message shown once, a session) is this visitor's.
            del response["Cache-Control"]
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response


def find_redirect(request):
    """The redirect for this request's address, looked up as Wagtail's RedirectMiddleware does."""
    path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
    redirect = get_redirect(request, path)
    path_without_query = urlparse(path).path
    if redirect is None and path_without_query != path:
        redirect = get_redirect(request, path_without_query)
    return redirect


class PrivateRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, except to a page this visitor may not see: that stays a 404.

    Renaming or moving a trainer-only page leaves a redirect from its old address; following it
    would tell anyone the page's new address. The same goes for an unpublished page or one below
    an unpublished page. Redirects to plain URLs are followed as before.
    """

    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        redirect = find_redirect(request)
        if redirect is None:
            return response
        target = None
        if redirect.redirect_page_id is not None:
            pages = Page.objects.filter(pk=redirect.redirect_page_id)
            target = visible_pages(pages, request).first()
            if target is None:
                return response
        link = redirect.link
        if link is None:
            return response
        redirect_class = (
            HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
        )
        redirected = redirect_class(link)
        if target is not None and not is_public(target, request):
            # Where a private page went is for this visitor only: no cache keeps it.
            caching.restricted(redirected)
        return redirected


class CompressPagesMiddleware(GZipMiddleware):
    """Gzip the site's own text (pages, JSON, feeds, sitemaps); never files people download.

    Django's GZipMiddleware would also compress downloads, dropping their Content-Length and
    breaking resumed (Range) downloads of PDFs and decks that are already compressed. Static
    files are compressed ahead of time by whitenoise. Django masks the CSRF token in every
    response and its GZipMiddleware pads the gzip header at random, against BREACH.
    """

    COMPRESSIBLE = (
        "text/html",
        "text/plain",
        "application/json",
        "application/atom+xml",
        "application/xml",
        "application/manifest+json",
    )

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type not in self.COMPRESSIBLE or response.has_header("Content-Disposition"):
            return response
        return super().process_response(request, response)

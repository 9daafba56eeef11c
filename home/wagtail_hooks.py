from django.http import Http404
from wagtail import hooks

from sts_learn.caching import set_page_cache_headers
from sts_learn.privacy import in_offline_branch


@hooks.register("before_serve_page")
def hide_pages_of_unpublished_sections(page, request, serve_args, serve_kwargs):
    """A page below an unpublished one is offline too, not reachable by its old address."""
    if in_offline_branch(page, request):
        raise Http404("This page belongs to a section that is not published.")
    # Wagtail's restriction check (next) reads the request's privacy reading (home/models/base.py).
    page._served_for = request


@hooks.register("on_serve_page")
def send_cache_headers(serve_page):
    """Every page view says how it may be cached (see sts_learn/caching.py)."""

    def serve(page, request, serve_args, serve_kwargs):
        response = serve_page(page, request, serve_args, serve_kwargs)
        return set_page_cache_headers(page, request, response)

    return serve

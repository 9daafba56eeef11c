from wagtail import hooks

from pagecache.middleware import mark_cacheable


@hooks.register("before_serve_page")
def allow_caching_public_pages(page, request, serve_args, serve_kwargs):
    """Only a live page with no view restriction on it or above it may be cached."""
    if page.live and not page.get_view_restrictions():
        mark_cacheable(request)

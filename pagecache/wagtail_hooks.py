from wagtail import hooks

from pagecache.middleware import mark_cacheable
from sts_learn.privacy import in_offline_branch, is_restricted


@hooks.register("before_serve_page")
def allow_caching_public_pages(page, request, serve_args, serve_kwargs):
    """Only a live page with no view restriction on it or above it may be cached."""
    if page.live and not is_restricted(page) and not in_offline_branch(page):
        mark_cacheable(request)

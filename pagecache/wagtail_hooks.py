from wagtail import hooks

from pagecache.middleware import mark_cacheable
from pagecache.signals import empty
from sts_learn.privacy import in_offline_branch, is_restricted


@hooks.register("before_serve_page")
def allow_caching_public_pages(page, request, serve_args, serve_kwargs):
    """Only a live page with no view restriction on it or above it may be cached."""
    if page.live and not is_restricted(page) and not in_offline_branch(page):
        mark_cacheable(request)


@hooks.register("after_bulk_action")
def empty_after_bulk_actions(request, action_type, objects, action_class_instance):
    """Bulk actions may change many items with one query update, which sends no signal."""
    empty()

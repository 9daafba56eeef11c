from django.http import Http404
from wagtail import hooks

from sts_learn.privacy import in_offline_branch


@hooks.register("before_serve_page")
def hide_pages_of_unpublished_sections(page, request, serve_args, serve_kwargs):
    """A module of an unpublished course is offline too, not reachable by its old address."""
    if in_offline_branch(page):
        raise Http404("This page belongs to a section that is not published.")

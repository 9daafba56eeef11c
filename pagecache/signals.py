"""Empty the page cache whenever what a public page shows may have changed."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache.cache import empty

# Saving one of these changes what published pages show (lists, footers, privacy).
WATCHED_MODELS = (
    "courses.CourseDocument",
    "courses.Reference",
    "courses.Audience",
    "home.SiteSettings",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailcore.Site",
)


def _empty(**kwargs):
    empty()


def connect():
    page_published.connect(_empty, dispatch_uid="pagecache-published")
    page_unpublished.connect(_empty, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_empty, dispatch_uid="pagecache-moved")
    post_delete.connect(_empty_for_pages, dispatch_uid="pagecache-page-deleted")
    for model in WATCHED_MODELS:
        post_save.connect(_empty, sender=model, dispatch_uid=f"pagecache-save-{model}")
        post_delete.connect(_empty, sender=model, dispatch_uid=f"pagecache-delete-{model}")


def _empty_for_pages(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        empty()

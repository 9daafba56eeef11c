"""Purge changed pages from the shared HTTP cache (Varnish, a CDN) through Wagtail's frontend cache.

A page change purges the page, the pages that list it (its ancestors, and the pages it is tagged
with, such as a module's domains) and, when it goes offline, moves or changes privacy, everything
below it. A change every page shows (site settings, the main navigation, references, audiences,
documents, collections) purges every page of the site. Purges are sent once the change is
committed, so the cache never refetches what the database does not hold yet. Nothing is sent
unless WAGTAILFRONTENDCACHE is configured (FRONTEND_CACHE_PURGE_URL).
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from modelcluster.fields import ParentalManyToManyField
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import page_published, page_unpublished, post_page_move


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _sitemap_urls():
    return [f"{site.root_url}/sitemap.xml" for site in Site.objects.all()]


def _tagged_pages(page):
    """Pages this page is tagged with (many-to-many fields to pages), which list it."""
    pages = []
    for field in page._meta.get_fields():
        if isinstance(field, ParentalManyToManyField) and issubclass(
            field.related_model, Page
        ):
            pages.extend(getattr(page, field.name).all())
    return pages


def listings_of(page, *, with_descendants=False):
    """The page, the pages that show it in a list, and (optionally) everything below it."""
    page = page.specific_deferred
    pages = [page, *Page.objects.ancestor_of(page).filter(depth__gt=1), *_tagged_pages(page)]
    if with_descendants:
        pages.extend(Page.objects.descendant_of(page))
    return pages


def purge(pages=(), urls=()):
    """Purge these pages' URLs (and the sitemap) once the current transaction commits."""
    if not enabled():
        return
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.add_urls(urls)
    batch.add_urls(_sitemap_urls())
    transaction.on_commit(batch.purge)


def purge_site(**kwargs):
    """Every page of every site: for changes that every page shows."""
    if enabled():
        purge(Page.objects.filter(depth__gt=1).live())


def _shows_in_navigation(page):
    """Top-level pages in the menu appear on every page, in the main navigation."""
    return page.depth <= 3 and page.show_in_menus


def on_published(sender, instance, **kwargs):
    if _shows_in_navigation(instance):
        purge_site()
    else:
        purge(listings_of(instance))


def on_unpublished(sender, instance, **kwargs):
    if _shows_in_navigation(instance):
        purge_site()
    else:
        purge(listings_of(instance, with_descendants=True))


def on_moved(sender, instance, parent_page_before, url_path_before, **kwargs):
    if not enabled():
        return
    old_urls = []
    for _site_id, root_path, root_url, _language in Site.get_site_root_paths():
        if url_path_before.startswith(root_path):
            old_urls.append(root_url + url_path_before[len(root_path) - 1 :])
    purge(
        [*listings_of(instance, with_descendants=True), *listings_of(parent_page_before)],
        old_urls,
    )


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and enabled() and instance.depth > 1:
        purge(listings_of(instance, with_descendants=True))


def on_page_restriction_changed(sender, instance, **kwargs):
    if enabled() and instance.page_id:
        purge(listings_of(instance.page, with_descendants=True))


def on_restriction_groups_changed(sender, instance, **kwargs):
    if isinstance(instance, PageViewRestriction):
        on_page_restriction_changed(sender, instance)
    elif isinstance(instance, BaseViewRestriction):
        purge_site()


def purge_site_when_saved(*models):
    """Purge every page when an object of these models is saved or deleted."""
    for model in models:
        post_save.connect(purge_site, sender=model, dispatch_uid=f"purge-site-save-{model}")
        post_delete.connect(purge_site, sender=model, dispatch_uid=f"purge-site-delete-{model}")


def connect():
    page_published.connect(on_published, dispatch_uid="purge-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="purge-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="purge-moved")
    pre_delete.connect(on_page_deleted, dispatch_uid="purge-page-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            on_page_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"purge-page-restriction-{signal}",
        )
    m2m_changed.connect(on_restriction_groups_changed, dispatch_uid="purge-restriction-groups")
    purge_site_when_saved(CollectionViewRestriction, Collection, Site)

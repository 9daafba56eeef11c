"""The search index follows the site in the same transaction as the change it reflects: saving a
page or a document writes its entry (a page that is not live loses it), moving a page indexes its
branch again, editing the synonyms rebuilds the index after the commit. Deletions cascade."""

import logging

from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search.index import get_indexed_models, insert_or_update_object, remove_object
from wagtail.signals import page_published, post_page_move

from search import indexing
from search.models import SearchEntry, SynonymGroup
from search.tasks import rebuild_search_index

logger = logging.getLogger(__name__)


def wagtail_index_saved(sender, instance, raw=False, **kwargs):
    """Wagtail's own index (the admin's search), updated in a savepoint: on PostgreSQL its
    update touches rows other publishers touch too, and a deadlock there must cost only that
    update, never the publish it belongs to (`manage.py update_index` repairs the index)."""
    if raw:
        return
    try:
        with transaction.atomic():
            insert_or_update_object(instance)
    except DatabaseError as error:
        logger.warning("Wagtail's search index skipped %r: %s", instance, error)


def wagtail_index_deleted(sender, instance, **kwargs):
    remove_object(instance)


def page_saved(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    indexing.index_page(instance)


def page_published_handler(sender, instance, **kwargs):
    """A module's files are found by the module's domains: they follow its published version."""
    for document in indexing.documents_of_page(instance):
        indexing.index_document(document)


def page_moved_handler(sender, instance, **kwargs):
    """A moved page may belong to another course or domain now: its branch is indexed again."""
    for page in Page.objects.descendant_of(instance, inclusive=True).live().specific():
        indexing.index_page(page)
        page_published_handler(sender, page)


def document_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_document(instance)


def document_audiences_changed(sender, instance, action, **kwargs):
    """New audiences of an indexed document (the edit form sets them after saving it). A document
    without an entry yet is being loaded from a fixture, whose own entries follow it."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, get_document_model()) and SearchEntry.objects.filter(
        document=instance
    ).exists():
        indexing.index_document(instance)


def synonyms_changed(sender, instance, raw=False, **kwargs):
    if not raw:  # a fixture being loaded brings its own index
        transaction.on_commit(rebuild_search_index.enqueue)


def connect():
    # Wagtail's index handlers are registered after this app is ready; these replace them.
    for model in get_indexed_models():
        if getattr(model, "search_auto_update", True):
            model.search_auto_update = False
            label = model._meta.label
            post_save.connect(wagtail_index_saved, sender=model, dispatch_uid=f"index-{label}")
            post_delete.connect(wagtail_index_deleted, sender=model, dispatch_uid=f"out-{label}")
    post_save.connect(page_saved, dispatch_uid="search-page-saved")
    page_published.connect(page_published_handler, dispatch_uid="search-published")
    post_page_move.connect(page_moved_handler, dispatch_uid="search-moved")
    document_model = get_document_model()
    post_save.connect(document_saved, sender=document_model, dispatch_uid="search-document")
    m2m_changed.connect(
        document_audiences_changed,
        sender=document_model.audiences.through,
        dispatch_uid="search-document-audiences",
    )
    post_save.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid="search-synonyms")
    post_delete.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid="search-synonyms-gone")

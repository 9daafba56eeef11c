"""The search index follows the site: publishing, unpublishing and moving pages, saving documents
and editing the synonyms (deletions cascade through the entries' foreign keys)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import indexing
from search.models import SynonymGroup
from search.tasks import rebuild_search_index


def _reindex_page(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    indexing.index_page(page)
    for document in indexing.documents_of_page(page):
        indexing.index_document(document)


def page_published_handler(sender, instance, **kwargs):
    transaction.on_commit(lambda: _reindex_page(instance.pk))


def page_unpublished_handler(sender, instance, **kwargs):
    indexing.remove_page(instance)


def page_moved_handler(sender, instance, **kwargs):
    """A moved page may belong to another course or domain now: its branch is indexed again."""

    def reindex_branch():
        for page in Page.objects.descendant_of(instance, inclusive=True).live():
            _reindex_page(page.pk)

    transaction.on_commit(reindex_branch)


def document_saved(sender, instance, **kwargs):
    transaction.on_commit(lambda: _reindex_document(instance.pk))


def _reindex_document(document_id):
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None:
        indexing.index_document(document)


def synonyms_changed(sender, instance, **kwargs):
    transaction.on_commit(rebuild_search_index.enqueue)


def connect():
    page_published.connect(page_published_handler, dispatch_uid="search-published")
    page_unpublished.connect(page_unpublished_handler, dispatch_uid="search-unpublished")
    post_page_move.connect(page_moved_handler, dispatch_uid="search-moved")
    post_save.connect(document_saved, sender=get_document_model(), dispatch_uid="search-document")
    post_save.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid="search-synonyms")
    post_delete.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid="search-synonyms-gone")

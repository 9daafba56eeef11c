"""Keeping the search index up to date: one entry a live page or document, its terms weighted.

Entries are written when a page is published or moved and when a document is saved, and removed
when a page is unpublished; deletions cascade. `rebuild_index` writes them all again (after the
synonyms change, or from `manage.py rebuild_search_entries`).
"""

import math
from collections import Counter

from django.db import transaction
from django.db.models import Q
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search.index import AutocompleteField, RelatedFields, SearchField

from courses.models import ModulePage
from search.models import EntryKind, SearchEntry, SearchTerm, SynonymGroup
from search.text import Synonyms, terms

TITLE_WEIGHT = 8.0
SUMMARY_WEIGHT = 3.0
SUMMARY_FIELDS = {"summary", "description", "intro", "search_description", "mission"}
MAX_BODY_CHARS = 50_000
MAX_INDEXED_CHARS = 200_000
# A match in something specific counts more than the same words on a general page.
PRIORITY = {
    EntryKind.MODULE: 1.0,
    EntryKind.HANDOUT: 1.0,
    EntryKind.COURSE: 0.9,
    EntryKind.PAGE: 0.5,
}
PAGE_KINDS = {"coursepage": EntryKind.COURSE, "modulepage": EntryKind.MODULE}


def current_synonyms():
    return Synonyms(group.members for group in SynonymGroup.objects.all())


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_plain(item) for item in value.values())
    return strip_tags(str(value))


def _field_texts(obj, fields):
    """(field name, text) of each of `fields` (Wagtail search fields) of `obj`."""
    for field in fields:
        if isinstance(field, AutocompleteField):
            continue
        if isinstance(field, SearchField):
            yield field.field_name, _plain(field.get_value(obj))
        elif isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                yield from _field_texts(item, field.fields)


def texts_of(obj):
    """(title, summary, body) of a page or document, from its search fields."""
    title, summary, body = obj.title, [], []
    if getattr(obj, "search_by_title_only", False):
        return title, obj.search_description, ""
    if getattr(obj, "search_description", ""):
        summary.append(obj.search_description)
    for name, text in _field_texts(obj, obj.get_search_fields()):
        if not text.strip() or name == "title":
            continue
        (summary if name in SUMMARY_FIELDS else body).append(text.strip())
    return title, " ".join(summary), "\n".join(body)


def weighted_terms(title, summary, body, synonyms):
    """{term: weight}: a title word counts 8, a summary word 3, body words 1 and more when
    repeated (slowly, so a long text does not win by length alone)."""

    def counted(text):
        sequence = terms(text[:MAX_INDEXED_CHARS])
        return Counter([*sequence, *synonyms.expand(sequence)])

    in_title, in_summary, in_body = counted(title), counted(summary), counted(body)
    weights = {}
    for term in {*in_title, *in_summary, *in_body}:
        weight = 0.0
        if in_title[term]:
            weight += TITLE_WEIGHT
        if in_summary[term]:
            weight += SUMMARY_WEIGHT
        if in_body[term]:
            weight += 1 + math.log2(in_body[term]) / 2
        weights[term] = round(weight, 3)
    return weights


def _write(entry, title, summary, body, synonyms, domains, audiences):
    entry.title = title[:255]
    entry.description = summary[:2000]
    entry.body = body[:MAX_BODY_CHARS]
    entry.priority = PRIORITY[entry.kind]
    entry.save()
    entry.domains.set(domains)
    entry.audiences.set(audiences)
    entry.terms.all().delete()
    weights = weighted_terms(title, summary, body, synonyms)
    # The entry's priority is part of each weight, so ranking reads the term index alone.
    SearchTerm.objects.bulk_create(
        SearchTerm(entry=entry, term=term, weight=round(weight * entry.priority, 3))
        for term, weight in weights.items()
    )
    return entry


def page_kind(page):
    return PAGE_KINDS.get(page.specific_class._meta.model_name, EntryKind.PAGE)


def _page_domains_and_audiences(page):
    """The domain pages and audiences a page belongs to, for the filters of search."""
    model = page._meta.model_name
    if model == "domainpage":
        return [page], []
    if model == "coursepage":
        return list(page.domains.all()), list(page.audiences.all())
    if model == "modulepage":
        course = page.get_parent().specific
        if not hasattr(course, "audiences"):
            return list(page.domains.all()), []
        return list(page.domains.all()) or list(course.domains.all()), list(course.audiences.all())
    return [], []


@transaction.atomic
def index_page(page, synonyms=None):
    """Write the entry of a live page (or remove it when the page is not live or not indexable)."""
    page = page.specific
    if not page.live or page.is_root() or page.depth < 2:
        remove_page(page)
        return None
    synonyms = synonyms or current_synonyms()
    entry = SearchEntry.objects.filter(page=page, document__isnull=True).first()
    entry = entry or SearchEntry(page=page)
    entry.kind = page_kind(page)
    domains, audiences = _page_domains_and_audiences(page)
    return _write(entry, *texts_of(page), synonyms, domains, audiences)


def remove_page(page):
    SearchEntry.objects.filter(page=page, document__isnull=True).delete()


def _document_modules(document):
    """The modules that offer a document: as slides, as a handout, or printed from them."""
    return ModulePage.objects.filter(
        pk__in=[
            *document.module_handout_links.values_list("page", flat=True),
            *document.module_slide_links.values_list("page", flat=True),
            *([document.generated_for_id] if document.generated_for_id else []),
        ]
    )


@transaction.atomic
def index_document(document, synonyms=None):
    """Write the entry of a document: its title, description and the text inside the file."""
    synonyms = synonyms or current_synonyms()
    entry = SearchEntry.objects.filter(document=document).first() or SearchEntry(document=document)
    entry.kind = EntryKind.HANDOUT
    # A file printed from a module is for whoever may see that module.
    entry.page_id = document.generated_for_id
    domains = set()
    for module in _document_modules(document):
        domains.update(_page_domains_and_audiences(module)[0])
    return _write(
        entry, *texts_of(document), synonyms, list(domains), list(document.audiences.all())
    )


def rebuild_index():
    """Every entry written again; returns (pages, documents) indexed."""
    synonyms = current_synonyms()
    SearchEntry.objects.all().delete()
    pages = 0
    for page in Page.objects.live().filter(depth__gt=1).specific().iterator(chunk_size=200):
        index_page(page, synonyms)
        pages += 1
    documents = 0
    for document in get_document_model().objects.iterator(chunk_size=200):
        index_document(document, synonyms)
        documents += 1
    return pages, documents


def documents_of_page(page):
    """The documents a module offers (their domains follow the module's)."""
    if page.specific_class is not ModulePage:
        return []
    return get_document_model().objects.filter(
        Q(module_handout_links__page=page)
        | Q(module_slide_links__page=page)
        | Q(generated_for=page)
    ).distinct()

"""What the handout library lists for a request: its filters, its order, one page of entries.

Every document comes through `visible_documents` and every module and domain through
`visible_pages`, so nothing a visitor may not have is listed, counted, offered as a filter or
linked. The number of queries does not depend on the number of documents listed.
"""

import os
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import global_settings
from django.core.paginator import Paginator
from django.db.models import F, prefetch_related_objects
from django.db.models.functions import Lower
from django.urls import reverse
from taggit.models import Tag

from courses.models import (
    Audience,
    CourseDocument,
    DocumentKind,
    ModuleHandout,
    ModulePage,
    ModuleSlides,
)
from home.models import DomainPage
from roles.groups import TRAINERS
from search.engine import search_documents
from search.text import STOPWORDS, words
from sts_learn.privacy import locked_documents, visible_documents, visible_pages

PER_PAGE = 20
LOCKED_SHOWN = 10  # trainer-only files named on the first page, at most
# Course materials: what a trainer hands out or shows. "Other" files are not listed.
LISTED_KINDS = (
    DocumentKind.HANDOUT,
    DocumentKind.WORKSHEET,
    DocumentKind.SLIDES,
    DocumentKind.FACILITATOR_GUIDE,
    DocumentKind.EVALUATION,
)
FILTER_PARAMETERS = ("audience", "domain", "topic", "kind", "language", "format")
LANGUAGE_NAMES = dict(global_settings.LANGUAGES)


@dataclass(frozen=True)
class Sort:
    label: str
    order: tuple


TITLE_ORDER = (Lower("title"), "pk")
SORTS = {
    "title": Sort("Title (A to Z)", TITLE_ORDER),
    "newest": Sort("Newest first", (F("created_at").desc(), "-pk")),
    "reviewed": Sort(
        "Last reviewed first", (F("last_reviewed").desc(nulls_last=True), *TITLE_ORDER)
    ),
}
RELEVANCE = "relevance"


@dataclass
class Filter:
    """One filter of the form: its choices (value, label) and what the request asked for."""

    name: str
    label: str
    any_label: str
    options: list
    wanted: str = ""

    @property
    def chosen(self):
        return self.wanted if self.wanted in dict(self.options) else ""

    @property
    def chosen_label(self):
        return dict(self.options).get(self.chosen, "")

    @property
    def unknown(self):
        return bool(self.wanted) and not self.chosen


@dataclass
class Entry:
    """A document as the library shows it, with the visible modules that use it."""

    document: CourseDocument
    modules: list

    @property
    def open_url(self):
        """Where a PDF opens in the browser (other formats only download)."""
        if self.document.extension != "pdf":
            return ""
        return reverse("wagtaildocs_serve_inline", args=[self.document.pk, self.document.filename])


@dataclass
class Listing:
    filters: list
    sort: str
    sort_options: list
    query: str
    page: object
    entries: list
    unknown_filters: list = field(default_factory=list)
    page_corrected: bool = False
    locked: list = field(default_factory=list)
    locked_count: int = 0

    @property
    def count(self):
        return self.page.paginator.count

    @property
    def narrowed(self):
        """True when filters or words narrow the list (the empty state offers to clear them)."""
        return bool(self.query or any(f.chosen for f in self.filters))


def listed_documents(request):
    """Course materials this request may download."""
    return visible_documents(CourseDocument.objects.filter(kind__in=LISTED_KINDS), request)


def locked_listing(request, chosen, query):
    """(up to LOCKED_SHOWN trainer-only files this request may not have, how many there are):
    named by title and kind only, so trainers browsing signed out learn what exists.

    Only what the entry shows may select it: the kind filter, and typed words found in the
    title. Any other filter (audience, domain, topic, language, format) leaves them out, and
    their text is never searched.
    """
    if any(value for name, value in chosen.items() if name != "kind"):
        return [], 0
    documents = locked_documents(
        CourseDocument.objects.filter(kind__in=LISTED_KINDS), request, TRAINERS
    )
    if chosen.get("kind"):
        documents = documents.filter(kind=chosen["kind"])
    if query:
        typed = [word for word, _start, _end in words(query) if word not in STOPWORDS]
        if not typed:
            return [], 0
        for word in typed:
            documents = documents.filter(title__icontains=word)
    documents = documents.only("title", "kind").order_by(*TITLE_ORDER)
    shown = list(documents[:LOCKED_SHOWN])
    count = len(shown) if len(shown) < LOCKED_SHOWN else documents.count()
    return shown, count


def _handout_replacements(module):
    """Ids of the hand-made files a module's handouts name instead of their printed ones."""
    return [
        block["value"].get("replacement")
        for block in module.handout_texts.raw_data
        if block.get("type") == "handout" and block["value"].get("replacement")
    ]


class ModuleUse:
    """Which visible modules use which documents, and the visible domains of those modules.

    A module uses the files printed from it, the hand-made files that replace them and the files
    linked to it from the library. Read once for every visible module (five queries).
    """

    def __init__(self, request):
        modules = visible_pages(ModulePage.objects.all(), request).order_by("path")
        self.modules = {
            module.pk: module
            for module in modules.only(
                "title", "path", "depth", "url_path", "slides_replacement_id", "handout_texts"
            )
        }
        self.linked = defaultdict(set)
        for model in (ModuleSlides, ModuleHandout):
            rows = model.objects.filter(page__in=modules.values("pk"))
            for document_id, module_id in rows.values_list("document_id", "page_id"):
                self.linked[document_id].add(module_id)
        for module in self.modules.values():
            for document_id in (module.slides_replacement_id, *_handout_replacements(module)):
                if document_id:
                    self.linked[document_id].add(module.pk)
        domains = visible_pages(DomainPage.objects.all(), request).order_by("path")
        self.domains = {domain.pk: domain for domain in domains.only("title", "slug", "path")}
        self.module_domains = defaultdict(set)
        tagged = ModulePage.domains.through.objects.filter(
            modulepage__in=modules.values("pk"), domainpage__in=domains.values("pk")
        )
        for module_id, domain_id in tagged.values_list("modulepage_id", "domainpage_id"):
            self.module_domains[module_id].add(domain_id)

    def modules_of(self, document_id, generated_for_id):
        """The visible modules that use a document, in the page tree's order."""
        ids = set(self.linked.get(document_id, ()))
        if generated_for_id in self.modules:
            ids.add(generated_for_id)
        return sorted((self.modules[pk] for pk in ids if pk in self.modules), key=lambda m: m.path)

    def domain_ids_of(self, document_id, generated_for_id):
        modules = self.modules_of(document_id, generated_for_id)
        return {domain_id for module in modules for domain_id in self.module_domains[module.pk]}


def _extension(name):
    return os.path.splitext(name)[1].lstrip(".").lower()


def _filters(documents, use):
    """The six filters, each offering only values some listed document has."""
    rows = list(documents.values_list("pk", "kind", "language", "file", "generated_for_id"))
    kinds = {kind for _pk, kind, *_rest in rows}
    languages = {language for _pk, _kind, language, *_rest in rows}
    formats = {_extension(name) for _pk, _kind, _language, name, _generated in rows} - {""}
    domain_ids = set()
    for pk, _kind, _language, _name, generated_for_id in rows:
        domain_ids |= use.domain_ids_of(pk, generated_for_id)
    audiences = Audience.objects.filter(documents__in=documents.values("pk")).distinct()
    topics = Tag.objects.filter(
        taggit_taggeditem_items__content_type__app_label="courses",
        taggit_taggeditem_items__content_type__model="coursedocument",
        taggit_taggeditem_items__object_id__in=documents.values("pk"),
    ).distinct()
    filters = [
        Filter("audience", "Who it is for", "Everyone", [(a.slug, a.name) for a in audiences]),
        Filter(
            "domain",
            "Domain",
            "All domains",
            [(d.slug, d.title) for pk, d in use.domains.items() if pk in domain_ids],
        ),
        Filter("topic", "Topic", "All topics", [(t.slug, t.name) for t in topics.order_by("name")]),
        Filter("kind", "Kind", "All kinds", [(k, k.label) for k in LISTED_KINDS if k in kinds]),
        Filter(
            "language",
            "Language",
            "All languages",
            sorted(((code, LANGUAGE_NAMES.get(code, code)) for code in languages), key=_label),
        ),
        Filter("format", "Format", "All formats", [(ext, ext.upper()) for ext in sorted(formats)]),
    ]
    return filters, rows


def _label(option):
    return option[1]


def _narrowed(documents, chosen, rows, use):
    """`documents` with every chosen filter applied (they compose: all must hold)."""
    if chosen.get("audience"):
        documents = documents.filter(audiences__slug=chosen["audience"])
    if chosen.get("topic"):
        documents = documents.filter(tags__slug=chosen["topic"])
    if chosen.get("kind"):
        documents = documents.filter(kind=chosen["kind"])
    if chosen.get("language"):
        documents = documents.filter(language=chosen["language"])
    if chosen.get("format"):
        documents = documents.filter(file__iendswith=f".{chosen['format']}")
    if chosen.get("domain"):
        domain = next(pk for pk, d in use.domains.items() if d.slug == chosen["domain"])
        in_domain = [
            pk for pk, *_rest, generated_for_id in rows
            if domain in use.domain_ids_of(pk, generated_for_id)
        ]  # fmt: skip
        documents = documents.filter(pk__in=in_domain)
    return documents


def _asked(request, name):
    """(value, readable): a parameter given more than once is unreadable (the form sends one)."""
    values = request.GET.getlist(name)
    if len(values) > 1:
        return "", False
    return (values[0].strip() if values else ""), True


def _sort(request, query):
    """(sort, readable): "" is the natural order (best match with words, else title)."""
    sort, readable = _asked(request, "sort")
    if sort == RELEVANCE:
        return "", readable
    if sort and sort not in SORTS:
        return "", False
    return sort, readable


def _ordered(request, documents, query, sort):
    if query:
        documents = search_documents(documents, query, request)  # best match first
        return documents.order_by(*SORTS[sort].order) if sort else documents
    return documents.order_by(*SORTS[sort or "title"].order)


def _sort_options(query):
    options = [("", "Best match")] if query else []
    options += [(name, sort.label) for name, sort in SORTS.items()]
    return options


def library_listing(request):
    documents = listed_documents(request)
    use = ModuleUse(request)
    filters, rows = _filters(documents, use)
    unknown = []
    for choice in filters:
        choice.wanted, readable = _asked(request, choice.name)
        if choice.unknown or not readable:
            unknown.append(choice.label)
    query, readable = _asked(request, "q")
    if not readable:
        unknown.append("Search words")
    sort, readable = _sort(request, query)
    if not readable:
        unknown.append("Sort")
    chosen = {choice.name: choice.chosen for choice in filters}
    documents = _ordered(request, _narrowed(documents, chosen, rows, use), query, sort)
    wanted_page = request.GET.get("page")
    page = Paginator(documents, PER_PAGE).get_page(wanted_page)
    on_page = list(page.object_list)
    prefetch_related_objects(on_page, "image__renditions")  # thumbnails: 2 queries in all
    entries = [
        Entry(document, use.modules_of(document.pk, document.generated_for_id))
        for document in on_page
    ]
    locked, locked_count = locked_listing(request, chosen, query) if page.number == 1 else ([], 0)
    return Listing(
        filters=filters,
        sort=sort or ("" if query else "title"),
        sort_options=_sort_options(query),
        query=query,
        page=page,
        entries=entries,
        unknown_filters=unknown,
        page_corrected=wanted_page is not None and wanted_page != str(page.number),
        locked=locked,
        locked_count=locked_count,
    )

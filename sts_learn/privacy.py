"""Who may see what: the one place that hides restricted and offline pages and documents.

Anything restricted (trainer-only pages, private collections) must never reach a listing, search,
the sitemap, a kit or a handout list for someone who may not see it. Every such list goes through
``visible_pages`` or ``visible_documents``.

Everything here is read from the database for every request, never from a cache shared between
requests: a restriction or an unpublish made by any process (the admin, a management command,
``publish_scheduled``) applies to the very next request. Within one request the answers are kept
on the request object, so a page that asks twice costs one query.

A visitor without a session cookie is anonymous: for them the checks never touch ``request.user``
or the session, so public responses stay free of cookies and ``Vary: Cookie`` (cacheable).
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

REQUEST_MEMO = "_sts_privacy"


def may_be_signed_in(request):
    return request is not None and settings.SESSION_COOKIE_NAME in request.COOKIES


def _for_request(request, name, compute):
    """`compute()`, once per request (every call when there is no request)."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault(REQUEST_MEMO, {})
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def _closed_pages(request):
    """(restricted paths, offline branch paths), read together in one query."""

    def compute():
        restricted = Exists(PageViewRestriction.objects.filter(page=OuterRef("pk")))
        offline = Q(live=False, numchild__gt=0, depth__gt=1)
        rows = (
            Page.objects.annotate(restricted=restricted)
            .filter(Q(restricted=True) | offline)
            .values_list("path", "restricted", "live", "numchild", "depth")
        )
        restricted_paths, offline_paths = [], []
        for path, is_restricted, live, numchild, depth in rows:
            if is_restricted:
                restricted_paths.append(path)
            if not live and numchild > 0 and depth > 1:
                offline_paths.append(path)
        return restricted_paths, offline_paths

    return _for_request(request, "closed-pages", compute)


def restricted_page_paths(request=None):
    """Tree paths of every restricted page (what an anonymous visitor may see nothing below)."""
    return _closed_pages(request)[0]


def offline_branch_paths(request=None):
    """Paths of unpublished pages that still have children: nothing below them is shown.

    Wagtail serves a live page under an unpublished one; here unpublishing a course takes its
    modules offline too (listings, search and the pages themselves).
    """
    return _closed_pages(request)[1]


def _below_any(page, paths):
    return any(page.path.startswith(path) for path in paths)


def in_offline_branch(page, request=None):
    return _below_any(page, offline_branch_paths(request))


def is_restricted(page, request=None):
    """True when the page or one of its ancestors carries a view restriction."""
    return _below_any(page, restricted_page_paths(request))


def is_public(page, request=None):
    """A live page that anyone may see (checked in memory: it works in previews too)."""
    return page.live and not is_restricted(page, request) and not in_offline_branch(page, request)


def refused_page_paths(request):
    """Tree paths below which this request may see nothing (restricted or unpublished)."""

    def compute():
        offline = offline_branch_paths(request)
        if not may_be_signed_in(request):
            return [*restricted_page_paths(request), *offline]
        restrictions = PageViewRestriction.objects.select_related("page")
        return [*(r.page.path for r in restrictions if not r.accept_request(request)), *offline]

    return _for_request(request, "refused-pages", compute)


def refused_collection_paths(request):
    """Tree paths of the collections whose documents this request may not have."""

    def compute():
        if not may_be_signed_in(request):
            restricted = CollectionViewRestriction.objects.values_list("collection__path")
            return [path for (path,) in restricted]
        restrictions = CollectionViewRestriction.objects.select_related("collection")
        return [r.collection.path for r in restrictions if not r.accept_request(request)]

    return _for_request(request, "refused-collections", compute)


def public_pages(queryset, request=None):
    """Live pages of `queryset` that anyone may see, whoever is asking (for what every visitor
    is shown alike, such as the filters of a list)."""
    closed = [*restricted_page_paths(request), *offline_branch_paths(request)]
    queryset = queryset.live()
    if closed:
        queryset = queryset.exclude(reduce(or_, (Q(path__startswith=path) for path in closed)))
    return queryset


def visible_pages(queryset, request):
    """Live pages of `queryset` that this request may view."""
    refused = refused_page_paths(request)
    queryset = queryset.live()
    if refused:
        queryset = queryset.exclude(reduce(or_, (Q(path__startswith=path) for path in refused)))
    return queryset


def _documents_outside(queryset, refused_collections, modules):
    """Documents of `queryset` outside these collections; a file printed from a module only
    while that module is among `modules` (a page queryset)."""
    if refused_collections:
        queryset = queryset.exclude(
            reduce(or_, (Q(collection__path__startswith=path) for path in refused_collections))
        )
    if any(f.name == "generated_for" for f in queryset.model._meta.get_fields()):
        modules = modules.values("pk")
        queryset = queryset.filter(Q(generated_for__isnull=True) | Q(generated_for__in=modules))
    return queryset


def visible_documents(queryset, request):
    """Documents of `queryset` this request may have: outside any collection it may not view,
    and, for a file printed from a module, only while that module is visible to it."""
    modules = visible_pages(Page.objects.all(), request)
    return _documents_outside(queryset, refused_collection_paths(request), modules)


def public_documents(queryset, request=None):
    """Documents of `queryset` that anyone may have, whoever is asking (the open data API and
    feed): what `visible_documents` gives an anonymous visitor. `request` only keeps the answers
    for the rest of the request."""

    def restricted_collections():
        restrictions = CollectionViewRestriction.objects.values_list("collection__path")
        return [path for (path,) in restrictions]

    restricted = _for_request(request, "restricted-collections", restricted_collections)
    return _documents_outside(queryset, restricted, public_pages(Page.objects.all(), request))


def locked_collection_paths(request, group_name):
    """Tree paths of the collections open only to the group `group_name` (such as "Trainers")
    that this request may not view: their files are shown to it as locked entries."""

    def compute():
        restrictions = CollectionViewRestriction.objects.filter(
            restriction_type=CollectionViewRestriction.GROUPS, groups__name=group_name
        ).values_list("collection__path")
        return sorted({path for (path,) in restrictions})

    refused = refused_collection_paths(request)
    open_to_group = _for_request(request, f"collections-of:{group_name}", compute)
    return [path for path in open_to_group if path in refused]


def is_locked(document, request, group_name):
    """True when the document (its collection loaded) is one this request may not have but may
    be told exists: in a collection open only to `group_name`, and in no other it may not view.
    Checked in memory, for the few files of one page."""
    path = document.collection.path
    locked = locked_collection_paths(request, group_name)
    if not any(path.startswith(locked_path) for locked_path in locked):
        return False
    others = [p for p in refused_collection_paths(request) if p not in locked]
    return not any(path.startswith(other) for other in others)


def locked_documents(queryset, request, group_name):
    """Documents of `queryset` this request may not have but may be told exist, by their title
    and kind only (a locked entry that says who may open them): those of `is_locked`, and, for a
    file printed from a module, only while that module is visible to the request."""
    locked = locked_collection_paths(request, group_name)
    if not locked:
        return queryset.none()
    queryset = queryset.filter(reduce(or_, (Q(collection__path__startswith=p) for p in locked)))
    others = [path for path in refused_collection_paths(request) if path not in locked]
    return _documents_outside(queryset, others, visible_pages(Page.objects.all(), request))


def visible_search_entries(queryset, request, entry="pk"):
    """Rows of `queryset` (site search entries, or rows pointing at them through the field
    `entry`) that this request may see: an entry's page (a page, or the module a file is printed
    from) must be live and visible, its document outside refused collections.

    Written as the exclusion of the few entries it may not see, read for this request, so a
    search never has to join the whole index to the page and document tables.
    """
    model = queryset.model if entry == "pk" else queryset.model._meta.get_field(entry).related_model
    closed = Q(live=False)
    for path in refused_page_paths(request):
        closed |= Q(path__startswith=path)
    # The few hidden entries are read first (each through an index), then left out by id.
    hidden = set(
        model.objects.filter(page__in=Page.objects.filter(closed).values("pk")).values_list(
            "pk", flat=True
        )
    )
    refused = refused_collection_paths(request)
    if refused:
        document_model = model._meta.get_field("document").related_model
        documents = document_model.objects.filter(
            reduce(or_, (Q(collection__path__startswith=path) for path in refused))
        ).values_list("pk", flat=True)
        hidden.update(
            model.objects.filter(document__in=list(documents)).values_list("pk", flat=True)
        )
    if hidden:
        queryset = queryset.exclude(**{f"{entry}__in": sorted(hidden)})
    return queryset

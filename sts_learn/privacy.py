"""Who may see what: the one place that hides restricted pages and documents.

Anything restricted (trainer-only pages, private collections) must never reach a listing, search,
the sitemap, a kit or a handout list for someone who may not see it. Every such list goes through
``visible_pages`` or ``visible_documents``.

A visitor without a session cookie is anonymous: for them the checks never touch ``request.user``
or the session, so public responses stay free of cookies and ``Vary: Cookie`` (cacheable).
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from pagecache.cache import remember


def may_be_signed_in(request):
    return request is not None and settings.SESSION_COOKIE_NAME in request.COOKIES


def restricted_page_paths():
    """Tree paths of every restricted page (what an anonymous visitor may see nothing below)."""
    return remember(
        "restricted-page-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def offline_branch_paths():
    """Paths of unpublished pages that still have children: nothing below them is shown.

    Wagtail serves a live page under an unpublished one; here unpublishing a course takes its
    modules offline too (listings, search and the pages themselves).
    """
    return remember(
        "offline-branch-paths",
        lambda: list(
            Page.objects.filter(live=False, numchild__gt=0, depth__gt=1).values_list(
                "path", flat=True
            )
        ),
    )


def in_offline_branch(page):
    return any(page.path.startswith(path) for path in offline_branch_paths())


def restricted_collection_paths():
    """Read on every call: moving a collection sends no signal that could empty a memo."""
    return list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))


def refused_page_paths(request):
    """Tree paths below which this request may see nothing (restricted or unpublished)."""
    offline = offline_branch_paths()
    if not may_be_signed_in(request):
        return [*restricted_page_paths(), *offline]
    restrictions = PageViewRestriction.objects.select_related("page")
    return [*(r.page.path for r in restrictions if not r.accept_request(request)), *offline]


def refused_collection_paths(request):
    if not may_be_signed_in(request):
        return restricted_collection_paths()
    restrictions = CollectionViewRestriction.objects.select_related("collection")
    return [r.collection.path for r in restrictions if not r.accept_request(request)]


def is_restricted(page):
    """True when the page or one of its ancestors carries a view restriction."""
    return any(page.path.startswith(path) for path in restricted_page_paths())


def visible_pages(queryset, request):
    """Live pages of `queryset` that this request may view."""
    refused = refused_page_paths(request)
    queryset = queryset.live()
    if refused:
        queryset = queryset.exclude(reduce(or_, (Q(path__startswith=path) for path in refused)))
    return queryset


def visible_documents(queryset, request):
    """Documents of `queryset` outside any collection this request may not view."""
    refused = refused_collection_paths(request)
    if refused:
        queryset = queryset.exclude(
            reduce(or_, (Q(collection__path__startswith=path) for path in refused))
        )
    return queryset

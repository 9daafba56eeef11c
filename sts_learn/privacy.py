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
from wagtail.models import CollectionViewRestriction, PageViewRestriction


def may_be_signed_in(request):
    return request is not None and settings.SESSION_COOKIE_NAME in request.COOKIES


def _refused(restrictions, request):
    """The restrictions (a page's or a collection's) that this request does not pass."""
    if not may_be_signed_in(request):
        return list(restrictions)
    return [restriction for restriction in restrictions if not restriction.accept_request(request)]


def visible_pages(queryset, request):
    """Live pages of `queryset` that this request may view."""
    restrictions = PageViewRestriction.objects.select_related("page")
    refused = [restriction.page.path for restriction in _refused(restrictions, request)]
    queryset = queryset.live()
    if refused:
        queryset = queryset.exclude(reduce(or_, (Q(path__startswith=path) for path in refused)))
    return queryset


def visible_documents(queryset, request):
    """Documents of `queryset` outside any collection this request may not view."""
    restrictions = CollectionViewRestriction.objects.select_related("collection")
    refused = [restriction.collection.path for restriction in _refused(restrictions, request)]
    if refused:
        queryset = queryset.exclude(
            reduce(or_, (Q(collection__path__startswith=path) for path in refused))
        )
    return queryset

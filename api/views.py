"""The API's endpoints: Wagtail's pages and documents viewsets over what anyone may see.

Whoever asks (a partner site, a signed-in trainer) gets the same answer: live pages outside any
view restriction or unpublished branch, and documents anyone may download. So the API never
reads the session or the user, sets no cookie, and its answers may be kept by a shared cache.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.http import Http404
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from taggit.managers import TaggableManager
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import StreamField
from wagtail.models import Page

from api.fields import ChoiceLabel, UpdatedAt
from sts_learn import caching
from sts_learn.privacy import public_documents, public_pages

# Answers may be kept this long by a shared cache. The frontend cache purges pages, not API
# URLs (endless query strings): a page that is unpublished or restricted leaves the API's
# cached answers within this time.
CACHE_SECONDS = 60
MAX_SEARCH_LENGTH = 200


def filterable(model, name):
    """True when `?name=value` and `?order=name` make sense: a column, not a relation (pages
    it points to may be hidden) or a StreamField (JSON). Tags filter by name, as in Wagtail."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    if isinstance(field, TaggableManager):
        return True
    return not field.is_relation and not isinstance(field, StreamField)


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's `?field=value` filters, with a value the field cannot hold (a date, a number)
    answered with a 400 and a message instead of failing in the database."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name not in fields:
                continue
            field = queryset.model._meta.get_field(name)
            if isinstance(field, TaggableManager):
                continue
            try:
                field.to_python(value)
            except ValidationError as error:
                raise BadRequestError(
                    f"field filter error. '{value}' is not a valid value for {name} "
                    f"({' '.join(error.messages)})"
                ) from error
        return super().filter_queryset(request, queryset, view)


class CheckedSearchFilter(SearchFilter):
    """Wagtail's `?search=`, with a malformed query or operator answered with a 400."""

    def filter_queryset(self, request, queryset, view):
        query = request.GET.get("search", "")
        if len(query) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"search must be at most {MAX_SEARCH_LENGTH} characters")
        if "\x00" in query:
            raise BadRequestError("null characters are not allowed in search")
        if request.GET.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


class BoundedPagination(WagtailPagination):
    """Wagtail's `limit` and `offset`; an offset past the last item lists nothing (a huge one
    never reaches the database, where it would not fit a column)."""

    def paginate_queryset(self, queryset, request, view=None):
        items = super().paginate_queryset(queryset, request, view)
        if int(request.GET.get("offset", 0)) >= self.total_count:
            return []
        return items


CHECKED_FILTERS = {FieldsFilter: CheckedFieldsFilter, SearchFilter: CheckedSearchFilter}


def checked(backends):
    """Wagtail's filter backends, with those that could fail on bad input replaced."""
    return [CHECKED_FILTERS.get(backend, backend) for backend in backends]


class OpenDataMixin:
    """What both endpoints share: JSON for everyone alike, read-only, cacheable."""

    authentication_classes = []  # never reads the session: the answer is the same for all
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    pagination_class = BoundedPagination

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            fields = [name for name in fields if filterable(model, name)]
        return fields

    def perform_content_negotiation(self, request, force=False):
        try:
            return super().perform_content_negotiation(request, force)
        except Http404 as error:  # `?format=` names no format this API speaks
            raise BadRequestError("format must be json (or left out)") from error

    def find_object(self, queryset, request):
        wanted = request.GET.get("id", "0")
        if not (wanted.isascii() and wanted.isdigit()):
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in caching.SAFE_METHODS and response.status_code == 200:
            caching.shared(response, CACHE_SECONDS)
        return response


class PublicPagesAPIViewSet(OpenDataMixin, PagesAPIViewSet):
    """/api/v2/pages/: the live pages of the site that anyone may see."""

    filter_backends = checked(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        """Public pages of the requested site (`?site=`, else the one being asked)."""
        try:
            site = SiteFilterValidator(site=self.request.GET.get("site"), request=self.request)
            site = site.site_obj
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        if site is None:
            return Page.objects.none()
        pages = public_pages(Page.objects.all(), self.request)
        return pages.descendant_of(site.root_page, inclusive=True)


class PublicDocumentsAPIViewSet(OpenDataMixin, DocumentsAPIViewSet):
    """/api/v2/documents/: files anyone may download, with the metadata trainers rely on.

    The text extracted from PDFs (for site search) is left out: it can run to megabytes, and
    the file itself is one link away.
    """

    filter_backends = checked(DocumentsAPIViewSet.filter_backends)
    body_fields = [
        *DocumentsAPIViewSet.body_fields,
        "kind",
        APIField("kind_label", serializer=ChoiceLabel("kind")),
        "description",
        "language",
        "licence",
        APIField("licence_label", serializer=ChoiceLabel("licence")),
        "attribution",
        "last_reviewed",
        "page_count",
        "file_size",
        APIField("format", serializer=serializers.CharField(source="format_label")),
        "created_at",
        APIField("updated_at", serializer=UpdatedAt()),
    ]
    listing_default_fields = [*DocumentsAPIViewSet.listing_default_fields, "kind"]

    def get_queryset(self):
        # By id, so that `?search=` (which filters only on indexed fields) works on the result.
        public = public_documents(self.model.objects.all(), self.request).values("id")
        return self.model.objects.filter(id__in=public).order_by("id")

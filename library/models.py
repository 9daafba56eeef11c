"""/handouts/: the library of slides, handouts and forms, found by filters and words."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from home.models import SitePage
from library.listing import FILTER_PARAMETERS, library_listing
from sts_learn import caching
from sts_learn.privacy import is_public


class HandoutLibraryPage(SitePage):
    """Every course material a visitor may download, with filters, a text box and sorting."""

    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text="A short paragraph above the filters: what visitors find here and how.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    template = "pages/library/handout_library_page.html"
    # Links the page makes; a shared cache keeps one copy per known value. Typed words (`q`) and
    # page numbers the list does not have are answered privately (see `serve`).
    cache_query_parameters = (*FILTER_PARAMETERS, "q", "sort", "page")

    class Meta:
        verbose_name = "handout library page"

    def serve(self, request, *args, **kwargs):
        """An unknown filter value is a 404 (with what the rest matches), never a shared copy;
        typed words and a page number the list lacks are for this visitor's browser only."""
        response = super().serve(request, *args, **kwargs)
        listing = response.context_data["library"]
        if listing.unknown_filters:
            response.status_code = 404
        elif listing.query or listing.page_corrected:
            if is_public(self, request):
                caching.private(response)
            else:
                caching.restricted(response)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["library"] = library_listing(request)
        return context

"""Site search in the admin: the synonyms editors keep, and the searches that found nothing."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SynonymGroup, UnansweredQuery

REPORT_PERMISSION = "search.view_unansweredquery"


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = "Search synonyms"
    add_to_settings_menu = True
    list_display = ["words"]
    search_fields = ["words"]


register_snippet(SynonymGroupViewSet)


class UnansweredSearchesReport(ReportView):
    """What visitors searched for and did not find, most asked first (exportable)."""

    page_title = "Searches that found nothing"
    header_icon = "search"
    index_url_name = "unanswered_searches"
    index_results_url_name = "unanswered_searches_results"
    is_searchable = True
    search_fields = ["query"]
    default_ordering = "-hits"
    columns = [
        Column("query", label="Search", sort_key="query"),
        NumberColumn("hits", label="Times", sort_key="hits"),
        DateColumn("first_seen", label="First", sort_key="first_seen"),
        DateColumn("last_seen", label="Last", sort_key="last_seen"),
    ]
    list_export = ["query", "hits", "first_seen", "last_seen"]
    export_headings = {
        "query": "Search",
        "hits": "Times",
        "first_seen": "First",
        "last_seen": "Last",
    }

    def get_base_queryset(self):
        return UnansweredQuery.objects.all()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/unanswered-searches/",
            UnansweredSearchesReport.as_view(),
            name="unanswered_searches",
        ),
        path(
            "reports/unanswered-searches/results/",
            UnansweredSearchesReport.as_view(results_only=True),
            name="unanswered_searches_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_unanswered_searches_menu_item():
    return ReportMenuItem(
        "Searches that found nothing",
        reverse("unanswered_searches"),
        name="unanswered-searches",
        icon_name="search",
        order=1310,
    )

"""The content reports in the admin: each a Wagtail report, exportable as CSV and Excel."""

from dataclasses import dataclass

import django_filters
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from courses.models import DocumentKind, EvidenceLevel
from home.models import SiteSettings
from reports import queries
from reports.models import REPORTS_PERMISSION, DownloadCount

KIND_LABELS = dict(DocumentKind.choices)
EVIDENCE_LABELS = dict(EvidenceLevel.choices)


def _module_edit_url(module):
    return reverse("wagtailadmin_pages:edit", args=[module.pk])


def _status(module):
    return "Live" if module.live else "Draft"


def _days(count):
    return f"{count} day" if count == 1 else f"{count} days"


class ContentReportView(ReportView):
    """A report that only people with the reports permission may open."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORTS_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def today(self):
        return timezone.localdate()

    def order_queryset(self, queryset):
        """The chosen order, then the listed tie-breakers, so equal rows keep one order."""
        ordering = self.ordering if isinstance(self.ordering, (list, tuple)) else [self.ordering]
        return queryset.order_by(*(self.order_expression(key) for key in ordering), *self.tie_break)

    tie_break = ("title", "pk")

    def order_expression(self, key):
        return key

    def get_paginator(self, *args, **kwargs):
        # "12 modules" under the table, not the model's name.
        paginator = super().get_paginator(*args, **kwargs)
        paginator.verbose_name = self.verbose_name
        paginator.verbose_name_plural = self.verbose_name_plural
        return paginator

    def rows(self, object_list):
        """The listed objects as the table and the exports show them (a list)."""
        return list(object_list)

    def paginate_queryset(self, queryset, page_size):
        # The table is made from the page's objects: give it the rows.
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = self.rows(object_list)
        return paginator, page, page.object_list, is_paginated

    def decorate_paginated_queryset(self, object_list):
        # An export is not paginated: its rows are made here.
        return self.rows(object_list) if self.is_export else object_list


class ModuleReportView(ContentReportView):
    """Shared by the reports that list modules: title (to the edit view), course, status."""

    header_icon = "doc-full"
    verbose_name = "module"
    verbose_name_plural = "modules"

    def rows(self, object_list):
        modules = queries.with_course_titles(list(object_list))
        for module in modules:
            module.status = _status(module)
            module.evidence = EVIDENCE_LABELS.get(module.evidence_level, "None")
        return modules


class ModulesDueForReviewReport(ModuleReportView):
    """Modules never reviewed, overdue or due within 30 days: the most overdue first."""

    page_title = "Modules due for review"
    header_icon = "date"
    index_url_name = "reports_modules_due_for_review"
    index_results_url_name = "reports_modules_due_for_review_results"
    export_filename = "modules-due-for-review"
    default_ordering = "last_reviewed"
    columns = [
        TitleColumn("draft_title", label="Module", sort_key="title", get_url=_module_edit_url),
        Column("course_title", label="Course"),
        Column("status", label="Status"),
        Column("last_reviewed", label="Last reviewed"),
        Column("review_due", label="Review due", sort_key="last_reviewed"),
        Column("timing", label="Overdue or left"),
        Column("evidence", label="Evidence level"),
    ]
    list_export = [
        "draft_title",
        "course_title",
        "status",
        "last_reviewed",
        "review_due",
        "days_overdue",
        "evidence",
    ]
    export_headings = {
        "draft_title": "Module",
        "course_title": "Course",
        "status": "Status",
        "last_reviewed": "Last reviewed",
        "review_due": "Review due",
        "days_overdue": "Days overdue (negative: days left)",
        "evidence": "Evidence level",
    }

    @cached_property
    def interval_months(self):
        return SiteSettings.review_interval(self.request)

    @cached_property
    def no_results_message(self):
        return (
            f"No module is due for review in the next {queries.REVIEW_WINDOW_DAYS} days, and "
            "every module has been reviewed at least once."
        )

    def get_page_subtitle(self):
        return f"Review interval: {self.interval_months} months"

    def get_base_queryset(self):
        return queries.modules_due_for_review(self.today, self.interval_months)

    def order_expression(self, key):
        # Never reviewed counts as the most overdue.
        if key == "last_reviewed":
            return F("last_reviewed").asc(nulls_first=True)
        if key == "-last_reviewed":
            return F("last_reviewed").desc(nulls_last=True)
        return key

    def rows(self, object_list):
        modules = super().rows(object_list)
        for module in modules:
            module.review_due = module.next_review_date(self.interval_months)
            if module.review_due is None:
                module.days_overdue = None
                module.timing = "Never reviewed"
                continue
            module.days_overdue = (self.today - module.review_due).days
            if module.days_overdue > 0:
                module.timing = f"{_days(module.days_overdue)} overdue"
            elif module.days_overdue == 0:
                module.timing = "Due today"
            else:
                module.timing = f"{_days(-module.days_overdue)} left"
        return modules


class ModulesMissingEvidenceReport(ModuleReportView):
    """Modules without any reference or without an evidence level."""

    page_title = "Modules missing evidence"
    header_icon = "warning"
    index_url_name = "reports_modules_missing_evidence"
    index_results_url_name = "reports_modules_missing_evidence_results"
    export_filename = "modules-missing-evidence"
    default_ordering = "title"
    tie_break = ("pk",)
    columns = [
        TitleColumn("draft_title", label="Module", sort_key="title", get_url=_module_edit_url),
        Column("course_title", label="Course"),
        Column("status", label="Status"),
        Column("missing", label="Missing"),
        Column("evidence", label="Evidence level"),
    ]
    list_export = ["draft_title", "course_title", "status", "missing", "evidence"]
    export_headings = {
        "draft_title": "Module",
        "course_title": "Course",
        "status": "Status",
        "missing": "Missing",
        "evidence": "Evidence level",
    }
    no_results_message = "Every module has at least one reference and an evidence level."

    def get_base_queryset(self):
        return queries.modules_missing_evidence()

    def rows(self, object_list):
        modules = super().rows(object_list)
        for module in modules:
            missing = []
            if not module.has_references:
                missing.append("References")
            if not module.evidence_level:
                missing.append("Evidence level")
            module.missing = " and ".join(missing).capitalize()
        return modules


def _document_edit_url(document):
    return reverse("wagtaildocs:edit", args=[document.pk])


class UnusedHandoutsReport(ContentReportView):
    """Handouts, worksheets, evaluation forms and guides that no module offers."""

    page_title = "Handouts no module uses"
    header_icon = "doc-empty"
    index_url_name = "reports_unused_handouts"
    index_results_url_name = "reports_unused_handouts_results"
    export_filename = "handouts-no-module-uses"
    verbose_name = "handout"
    verbose_name_plural = "handouts"
    default_ordering = "title"
    tie_break = ("pk",)
    columns = [
        TitleColumn("title", label="File", sort_key="title", get_url=_document_edit_url),
        Column("kind_label", label="Kind"),
        Column("format_label", label="Format"),
        Column("collection", label="Collection"),
        Column("uploaded", label="Uploaded", sort_key="created_at"),
    ]
    list_export = ["title", "kind_label", "format_label", "collection", "uploaded"]
    export_headings = {
        "title": "File",
        "kind_label": "Kind",
        "format_label": "Format",
        "collection": "Collection",
        "uploaded": "Uploaded",
    }
    no_results_message = "Every handout is used by at least one module."

    def get_base_queryset(self):
        return queries.unused_handouts(self.request).select_related("collection")

    def rows(self, object_list):
        documents = list(object_list)
        for document in documents:
            document.kind_label = KIND_LABELS.get(document.kind, document.kind)
            document.uploaded = timezone.localdate(document.created_at)
        return documents


@dataclass
class DownloadRow:
    """A file or a kit with its downloads in the last 30 and 90 days."""

    title: str
    kind: str
    url: str
    last_30: int
    last_90: int


WHAT_CHOICES = [
    ("handouts", "Handouts"),
    ("files", "All files (handouts and slides)"),
    ("kits", "Session kits"),
]


class DownloadsFilterSet(WagtailFilterSet):
    what = django_filters.ChoiceFilter(
        label="Downloads of",
        choices=WHAT_CHOICES,
        empty_label="Files and session kits",
        method="filter_what",
    )

    class Meta:
        model = DownloadCount
        fields = []

    def filter_what(self, queryset, name, value):
        return queries.filter_downloads(queryset, value)


class MostDownloadedReport(ContentReportView):
    """Files and session kits most downloaded in the last 30 days (and the last 90)."""

    page_title = "Most downloaded"
    header_icon = "download"
    index_url_name = "reports_most_downloaded"
    index_results_url_name = "reports_most_downloaded_results"
    export_filename = "most-downloaded"
    verbose_name = "file or kit"
    verbose_name_plural = "files and kits"
    filterset_class = DownloadsFilterSet
    default_ordering = "-last_30"
    tie_break = ("-last_90", "title", "document", "kit")
    columns = [
        TitleColumn("title", label="File or kit", sort_key="title", get_url=lambda row: row.url),
        Column("kind", label="Kind"),
        NumberColumn("last_30", label="Last 30 days", sort_key="last_30"),
        NumberColumn("last_90", label="Last 90 days", sort_key="last_90"),
    ]
    list_export = ["title", "kind", "last_30", "last_90"]
    export_headings = {
        "title": "File or kit",
        "kind": "Kind",
        "last_30": "Downloads, last 30 days",
        "last_90": "Downloads, last 90 days",
    }
    no_results_message = "Nothing was downloaded in the last 90 days."

    def get_base_queryset(self):
        return queries.download_totals(self.request, self.today)

    def order_expression(self, key):
        if key in ("-last_30", "-last_90"):
            return F(key[1:]).desc()
        return key

    def rows(self, object_list):
        rows = []
        for row in object_list:
            if row["document"]:
                kind = KIND_LABELS.get(row["document__kind"], row["document__kind"])
                url = reverse("wagtaildocs:edit", args=[row["document"]])
            else:
                kind = "Session kit"
                url = f"{reverse('kits:kit')}?items={row['kit']}"
            rows.append(DownloadRow(row["title"], kind, url, row["last_30"], row["last_90"]))
        return rows

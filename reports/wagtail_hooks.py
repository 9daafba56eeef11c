"""The content reports under Reports in the admin, for Editors, Evidence reviewers, Publishers."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from reports.models import REPORTS_PERMISSION
from reports.views import (
    ModulesDueForReviewReport,
    ModulesMissingEvidenceReport,
    MostDownloadedReport,
    UnusedHandoutsReport,
)

# (address under /admin/reports/, URL name, view, menu label, icon)
REPORTS = [
    (
        "modules-due-for-review",
        "reports_modules_due_for_review",
        ModulesDueForReviewReport,
        "Modules due for review",
        "date",
    ),
    (
        "modules-missing-evidence",
        "reports_modules_missing_evidence",
        ModulesMissingEvidenceReport,
        "Modules missing evidence",
        "warning",
    ),
    (
        "unused-handouts",
        "reports_unused_handouts",
        UnusedHandoutsReport,
        "Handouts no module uses",
        "doc-empty",
    ),
    (
        "most-downloaded",
        "reports_most_downloaded",
        MostDownloadedReport,
        "Most downloaded",
        "download",
    ),
]
FIRST_MENU_ORDER = 1320  # after "Searches that found nothing"


class ContentReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORTS_PERMISSION)


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = []
    for address, name, view, _label, _icon in REPORTS:
        urls += [
            path(f"reports/{address}/", view.as_view(), name=name),
            path(
                f"reports/{address}/results/",
                view.as_view(results_only=True),
                name=f"{name}_results",
            ),
        ]
    return urls


def _menu_item(position):
    address, name, _view, label, icon = REPORTS[position]

    def register():
        return ContentReportMenuItem(
            label,
            reverse(name),
            name=address,
            icon_name=icon,
            order=FIRST_MENU_ORDER + 10 * position,
        )

    return register


for _position in range(len(REPORTS)):
    hooks.register("register_reports_menu_item", _menu_item(_position))

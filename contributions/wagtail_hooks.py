"""Shared resources in the admin: the list editors review and the download of a private file."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList

from contributions.admin_views import download_upload
from contributions.forms import ReviewForm
from contributions.models import SharedResource
from contributions.panels import SubmissionPanel
from sts_learn.admin_viewsets import SubmissionsViewSet


class SharedResourceViewSet(SubmissionsViewSet):
    """Submissions come from the public form only: no "Add" or "Copy" here."""

    model = SharedResource
    icon = "upload"
    menu_label = "Shared resources"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["title", "submitter_name", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "submitter_name", "submitter_email"]
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            SubmissionPanel(heading="Submission"),
            FieldPanel("status"),
            FieldPanel("document_kind"),
            FieldPanel("editor_notes"),
        ],
        base_form_class=ReviewForm,
    )


@hooks.register("register_admin_viewset")
def register_shared_resources():
    return SharedResourceViewSet("shared_resources")


@hooks.register("register_admin_urls")
def register_download_url():
    return [
        path(
            "shared-resources/<int:pk>/file/",
            download_upload,
            name="contributions_download",
        ),
    ]

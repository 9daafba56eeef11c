"""Access requests in the admin: editors read them and record their answer."""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList

from accounts.admin_forms import AnswerForm
from accounts.models import AccessRequest
from sts_learn.admin_viewsets import SubmissionsViewSet

REQUESTER_FIELDS = ["name", "email", "organisation", "role", "reason", "created_at"]


class AccessRequestViewSet(SubmissionsViewSet):
    """Requests come from the public form only: no "Add" or "Copy" here.

    Shown to users who may view or change access requests (Editors and Publishers, granted by
    accounts/migrations/0002). Approving creates no account: the editor adds the person as a user.
    """

    model = AccessRequest
    icon = "user"
    menu_label = "Access requests"
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["name", "organisation", "email", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "organisation", "email"]
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel(name, read_only=True) for name in REQUESTER_FIELDS],
                heading="The request",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("reply"),
                    FieldPanel("answered_at", read_only=True),
                    FieldPanel("answered_by", read_only=True),
                ],
                heading="Your answer",
            ),
        ],
        base_form_class=AnswerForm,
    )


@hooks.register("register_admin_viewset")
def register_access_requests():
    return AccessRequestViewSet("access_requests")

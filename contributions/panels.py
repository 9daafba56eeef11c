"""The submission as the editor reviews it: read-only, with the link and the private file."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class SubmissionPanel(Panel):
    """What the submitter sent, shown above the editor's decision."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "components/admin/shared_resource_submission.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            resource = self.instance
            context["resource"] = resource
            context["download_url"] = (
                reverse("contributions_download", args=[resource.pk]) if resource.upload else ""
            )
            return context

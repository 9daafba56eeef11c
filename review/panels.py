"""The dashboard panel that lists what waits for the signed-in evidence reviewer."""

from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

from review.models import EvidenceReviewTask


def waiting_reviews(user):
    """In-progress evidence reviews `user` may decide, oldest first."""
    states = TaskState.objects.none()
    for task in EvidenceReviewTask.objects.filter(active=True):
        states |= task.get_task_states_user_can_moderate(user)
    return states.select_related("workflow_state__requested_by").order_by("started_at")


class EvidenceToReviewPanel(Component):
    name = "evidence_to_review"
    order = 50
    template_name = "components/admin/evidence_to_review.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        rows = []
        for state in waiting_reviews(self.user):
            page = state.workflow_state.content_object
            rows.append({"state": state, "page": page.specific_deferred if page else None})
        return {"rows": [row for row in rows if row["page"] is not None]}

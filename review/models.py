"""The two steps of the evidence review workflow: people approve here, they do not edit here.

Wagtail's group approval task lets its reviewers open the editor while a page waits for them, and
finishing a workflow publishes the page's latest revision. A reviewer or publisher who edited would
publish text nobody reviewed, so these tasks keep the editor closed to them (superusers aside).
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT sends a page edited after approval back to the first
step.
"""

from django import forms
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask


class ChangesRequestedForm(TaskStateCommentForm):
    """Requesting changes always says what must change: the editor reads it."""

    comment = forms.CharField(
        required=True,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What must change. The editor sees this when they open the page.",
    )


class ApprovalWithoutEditing(AbstractGroupApprovalTask):
    """A group approval task whose approvers read, approve or request changes, but never edit."""

    def user_can_access_editor(self, obj, user):
        return user.is_superuser

    def user_can_lock(self, obj, user):
        return False

    def get_form_for_action(self, action):
        if action == "reject":
            return ChangesRequestedForm
        return super().get_form_for_action(action)

    class Meta:
        abstract = True


class EvidenceReviewTask(ApprovalWithoutEditing):
    """An evidence reviewer checks the text against its evidence level, rationale and references."""

    def get_template_for_action(self, action):
        """Wagtail's approve / request changes dialog, with the way to the evidence screen."""
        return "components/admin/evidence_review_action.html"

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups check the evidence (level, rationale, references) "
            "beside the text, then approve or request changes. They cannot edit."
        )

    class Meta:
        verbose_name = "evidence review task"
        verbose_name_plural = "evidence review tasks"


class PublishingTask(ApprovalWithoutEditing):
    """A publisher approves reviewed work: it goes live, or on its go-live date if one is set."""

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups publish what passed evidence review (on its go-live "
            "date, if the editor set one). They cannot edit."
        )

    class Meta:
        verbose_name = "publishing task"
        verbose_name_plural = "publishing tasks"

"""The evidence reviewer's screen: the text beside its evidence, and the decision."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.admin.views.pages.revisions import RevisionsCompareView
from wagtail.models import Page, TaskState

from review.models import EvidenceReviewTask

DECISIONS = {"approve": "Approve", "reject": "Request changes"}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=list(DECISIONS.items()))
    comment = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Required when you request changes: the editor sees it when they open the page.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("comment", "").strip():
            self.add_error("comment", "Say what must change: the editor sees this comment.")
        return cleaned


def reviewable_task_state(request, task_state_id):
    """(the evidence review `task_state_id`, whether it is still open for a decision), for the
    task's reviewers; anyone else is refused (403), an unknown id is a 404."""
    task_state = get_object_or_404(
        TaskState.objects.select_related("workflow_state", "revision"),
        pk=task_state_id,
        task__in=EvidenceReviewTask.objects.all(),
    )
    task = task_state.task.specific
    user = request.user
    if not (user.is_superuser or task.groups.filter(pk__in=user.groups.all()).exists()):
        raise PermissionDenied  # only the task's reviewers read what was submitted to it
    return task_state, task_state.status == TaskState.STATUS_IN_PROGRESS


def evidence_review(request, task_state_id):
    task_state, open_for_decision = reviewable_task_state(request, task_state_id)
    page = task_state.workflow_state.content_object.specific
    reviewed = task_state.revision.as_object()
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        if not open_for_decision:
            messages.error(request, "This review was already decided or withdrawn.")
            return redirect("wagtailadmin_home")
        if form.is_valid():
            decision = form.cleaned_data["decision"]
            task_state.task.specific.on_action(
                task_state, request.user, decision, comment=form.cleaned_data["comment"].strip()
            )
            outcome = "approved" if decision == "approve" else "sent back with your comment"
            messages.success(request, f"“{page.title}” was {outcome}.")
            return redirect("wagtailadmin_home")
    status = 400 if form.errors else 200
    return TemplateResponse(
        request,
        "pages/review/evidence_review.html",
        {
            "page": page,
            "reviewed": reviewed,
            "task_state": task_state,
            "open_for_decision": open_for_decision,
            "is_module": hasattr(reviewed, "evidence_level"),
            "references": [link.reference for link in reviewed.reference_links.all()]
            if hasattr(reviewed, "reference_links")
            else [],
            "form": form,
            "submitted_by": task_state.workflow_state.requested_by,
            "submitted_at": task_state.started_at,
        },
        status=status,
    )


class CompareWithLive(RevisionsCompareView):
    """Wagtail's comparison of the submitted text with the live page, for the reviewer deciding it.

    Wagtail's own view asks for a page permission, which evidence reviewers do not have.
    """

    edit_url_name = None
    history_url_name = None

    def setup(self, request, task_state_id, *args, **kwargs):
        task_state, open_for_decision = reviewable_task_state(request, task_state_id)
        if not open_for_decision:
            raise Http404("This review was already decided or withdrawn.")
        self.task_state = task_state
        super().setup(
            request,
            pk=task_state.workflow_state.object_id,
            revision_id_a="live",
            revision_id_b=task_state.revision_id,
        )

    def dispatch(self, request, *args, **kwargs):
        # Past RevisionsCompareView's page-permission check: reviewable_task_state decided.
        return super(RevisionsCompareView, self).dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return get_object_or_404(Page, id=self.pk).specific

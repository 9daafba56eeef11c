"""The evidence review workflow: where it applies and what it has decided for a page."""

from wagtail.models import Page, TaskState, Workflow, WorkflowPage

from review.models import EvidenceReviewTask

WORKFLOW_NAME = "Evidence review and publishing"


def evidence_review_workflow():
    return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()


def use_for_course_index(course_index):
    """A new course index, and everything below it, goes through evidence review."""
    workflow = evidence_review_workflow()
    if workflow and not WorkflowPage.objects.filter(page=course_index).exists():
        WorkflowPage.objects.create(page=course_index, workflow=workflow)


def needs_evidence_review(page):
    """Courses and modules: pages under a course index that uses the workflow."""
    from courses.models import CoursePage, ModulePage

    if not isinstance(page.specific_deferred, (CoursePage, ModulePage)):
        return False
    workflow = page.get_workflow()
    return bool(
        workflow and EvidenceReviewTask.objects.filter(workflow_tasks__workflow=workflow).exists()
    )


def evidence_approved(page):
    """An evidence reviewer approved the page's latest revision."""
    latest = page.get_latest_revision()
    return bool(
        latest
        and TaskState.objects.filter(
            revision=latest,
            status=TaskState.STATUS_APPROVED,
            task__in=EvidenceReviewTask.objects.all(),
        ).exists()
    )


def publishing_refused(page, user):
    """Why `user` may not publish `page` now, or None.

    Superusers keep Wagtail's override (decision 24). Everyone else publishes a course or module
    only through the workflow, or a revision an evidence reviewer approved.
    """
    if user.is_superuser or not needs_evidence_review(page):
        return None
    if evidence_approved(page):
        return None
    return (
        f"“{page.title}” has not passed evidence review. Submit it for review; it is published "
        "once an evidence reviewer and a publisher have approved it."
    )


def latest_request_for_changes(page):
    """The comment of the last review that asked for changes, while the page still needs them."""
    state = page.current_workflow_state if isinstance(page, Page) else None
    if state is None or state.status != state.STATUS_NEEDS_CHANGES:
        return None
    return (
        TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
        .select_related("finished_by", "task")
        .order_by("-finished_at")
        .first()
    )

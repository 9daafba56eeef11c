"""Evidence review in the admin: the reviewer's screen and panel, and publishing held to it."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks

from review import views
from review.panels import EvidenceToReviewPanel, waiting_reviews
from review.workflow import latest_request_for_changes, publishing_refused


@hooks.register("register_admin_urls")
def register_evidence_review_url():
    return [
        path("evidence-review/<int:task_state_id>/", views.evidence_review, name="evidence_review"),
        path(
            "evidence-review/<int:task_state_id>/compare/",
            views.CompareWithLive.as_view(),
            name="evidence_review_compare",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_evidence_to_review_panel(request, panels):
    user = request.user
    if user.is_superuser or waiting_reviews(user).exists() or _is_reviewer(user):
        panels.insert(0, EvidenceToReviewPanel(user))


def _is_reviewer(user):
    from review.models import EvidenceReviewTask

    return EvidenceReviewTask.objects.filter(groups__in=user.groups.all()).exists()


@hooks.register("before_edit_page")
def show_requested_changes(request, page):
    """The editor opening a page sent back sees the reviewer's comment at the top."""
    if request.method != "GET":
        return None
    rejected = latest_request_for_changes(page)
    if rejected is not None:
        reviewer = rejected.finished_by
        name = (reviewer.get_full_name() or reviewer.get_username()) if reviewer else "A reviewer"
        comment = rejected.comment or "(no comment)"
        messages.warning(
            request,
            f"{rejected.task.name}: {name} requested changes on "
            f"{rejected.finished_at:%d %B %Y}: “{comment}” Make them, then submit again.",
        )
    return None


def _back(request):
    back = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return back
    return "wagtailadmin_explore_root"


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_without_review(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    refusals = [reason for page in objects if (reason := publishing_refused(page, request.user))]
    if not refusals:
        return None
    messages.error(request, "Nothing was published. " + " ".join(refusals))
    return redirect(_back(request))


@hooks.register("before_copy_page")
def refuse_publishing_copies_without_review(request, page):
    if request.method == "POST" and request.POST.get("publish_copies"):
        reason = publishing_refused(page.specific, request.user)
        if reason:
            messages.error(request, "The copy was not made. " + reason)
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None

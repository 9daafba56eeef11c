"""A course or module goes live only after an evidence reviewer approved the text a publisher
publishes: submit, review (approve or request changes with a comment), publish or schedule."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, streamfield

from courses.models import CourseIndexPage, ModulePage
from review.workflow import WORKFLOW_NAME
from tests.courses.factories import CourseIndexPageFactory, home_page
from tests.courses.helpers import soup, squash
from tests.courses.test_admin import edit_page, module_form

pytestmark = pytest.mark.django_db

SUBMIT = {"action-submit": "action-submit"}
PUBLISH = {"action-publish": "action-publish"}


def posted(module, **fields):
    """The module's edit form, with its reference kept."""
    references = inline_formset(
        [{"reference": link.reference_id} for link in module.reference_links.all()]
    )
    fields.setdefault("evidence_rationale", module.evidence_rationale)
    return module_form(reference_links=references, evidence_level="research", **fields)


def submit(client, module, **fields):
    response = edit_page(client, module, {**posted(module, **fields), **SUBMIT})
    assert response.status_code == 302, response.content[:2000]
    return module.current_workflow_task_state


def review_url(task_state):
    return reverse("evidence_review", args=[task_state.pk])


def decide(client, task_state, decision, comment=""):
    return client.post(review_url(task_state), {"decision": decision, "comment": comment})


def publisher_approves(client, module):
    state = ModulePage.objects.get(pk=module.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[module.pk, "approve", state.pk])
    return client.post(url, {"comment": ""})


def live_title(module):
    return ModulePage.objects.get(pk=module.pk).title


def test_every_course_index_uses_the_evidence_review_workflow(module):
    index = CourseIndexPage.objects.get()
    assert index.get_workflow().name == WORKFLOW_NAME
    assert module.get_workflow().name == WORKFLOW_NAME
    assert [task.name for task in module.get_workflow().tasks] == ["Evidence review", "Publishing"]


def test_a_new_course_index_gets_the_workflow(db):
    other = CourseIndexPageFactory(slug="other-courses", title="More courses", parent=home_page())
    assert other.get_workflow().name == WORKFLOW_NAME


def test_submit_review_publish(client, editor, reviewer, publisher, module):
    client.force_login(editor)
    handout = {
        "title": "Signs to watch for",
        "description": "A checklist for supervision.",
        "kind": "handout",
        "body": streamfield(
            [
                (
                    "bullets",
                    {
                        "count": "1",
                        "0": {
                            "value": "Trouble sleeping after hard cases",
                            "deleted": "",
                            "order": "0",
                        },
                    },
                )
            ]
        ),
        "replacement": "",
    }
    state = submit(
        client,
        module,
        title="Noticing STS early",
        handout_texts=streamfield([("handout", handout)]),
    )
    assert live_title(module) == "Noticing secondary traumatic stress"  # still the old text

    client.force_login(reviewer)
    screen = client.get(review_url(state))
    assert screen.status_code == 200
    page = soup(screen)
    text = squash(page.select_one(".evidence-review__text").get_text(" "))
    evidence = squash(page.select_one(".evidence-review__evidence").get_text(" "))
    assert "Noticing STS early" in text  # the submitted text, not the live one
    assert "Research-supported" in evidence
    assert "Two peer-reviewed studies of child welfare staff." in evidence
    assert "Secondary traumatic stress in child welfare workers" in evidence
    assert "Signs to watch for" in text and "Trouble sleeping after hard cases" in text
    for link in page.select(".evidence-review__links a"):  # preview, compare with live
        assert client.get(link["href"]).status_code == 200, link.get_text()
    compared = client.get(reverse("evidence_review_compare", args=[state.pk]))
    assert "Noticing STS early" in compared.content.decode()
    assert decide(client, state, "approve").status_code == 302
    assert live_title(module) == "Noticing secondary traumatic stress"  # a publisher is next

    client.force_login(publisher)
    assert publisher_approves(client, module).status_code == 302
    live = ModulePage.objects.get(pk=module.pk)
    assert live.live and live.title == "Noticing STS early"
    assert live.current_workflow_state is None


def test_a_request_for_changes_needs_a_comment_the_editor_then_reads(
    client, editor, reviewer, module
):
    client.force_login(editor)
    state = submit(client, module)

    client.force_login(reviewer)
    refused = decide(client, state, "reject", comment="   ")
    assert refused.status_code == 400
    assert "Say what must change" in refused.content.decode()
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS

    decide(client, state, "reject", comment="Cite the 2021 guideline for the second claim.")
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_REJECTED

    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    messages = squash(" ".join(str(m) for m in edit.context["messages"]))
    assert "Cite the 2021 guideline for the second claim." in messages
    assert "requested changes" in messages


def test_wagtails_own_dialog_also_requires_the_comment(client, editor, reviewer, module):
    client.force_login(editor)
    state = submit(client, module)
    client.force_login(reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[module.pk, "reject", state.pk])
    client.post(url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_an_edit_after_approval_goes_back_to_evidence_review(
    client, editor, reviewer, publisher, module
):
    client.force_login(editor)
    state = submit(client, module)
    client.force_login(reviewer)
    decide(client, state, "approve")
    # The page now waits for a publisher; a superuser edits it in between.
    module = ModulePage.objects.get(pk=module.pk)
    module.title = "Changed after review"
    module.save_revision()

    client.force_login(publisher)
    publisher_approves(client, module)
    current = ModulePage.objects.get(pk=module.pk)
    assert current.title == "Noticing secondary traumatic stress"  # nothing published
    assert current.current_workflow_task.name == "Evidence review"


def test_an_approved_page_with_a_go_live_date_is_scheduled(
    client, editor, reviewer, publisher, module
):
    go_live = timezone.localtime() + datetime.timedelta(days=7)
    client.force_login(editor)
    state = submit(
        client, module, title="Published next week", go_live_at=go_live.strftime("%Y-%m-%d %H:%M")
    )
    client.force_login(reviewer)
    decide(client, state, "approve")
    client.force_login(publisher)
    publisher_approves(client, module)
    current = ModulePage.objects.get(pk=module.pk)
    assert current.title == "Noticing secondary traumatic stress"
    assert current.scheduled_revision is not None
    assert current.scheduled_revision.as_object().title == "Published next week"


def test_nobody_but_the_reviewer_groups_may_decide_a_review(client, editor, publisher, module):
    client.force_login(editor)
    state = submit(client, module)
    for user in (editor, publisher):
        client.force_login(user)
        assert client.get(review_url(state)).status_code in (302, 403)  # Wagtail: back home
        assert decide(client, state, "approve").status_code in (302, 403)
        compare = reverse("evidence_review_compare", args=[state.pk])
        assert client.get(compare).status_code in (302, 403)
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_a_decided_review_cannot_be_decided_again(client, editor, reviewer, module):
    client.force_login(editor)
    state = submit(client, module)
    client.force_login(reviewer)
    decide(client, state, "approve")
    again = decide(client, state, "reject", comment="Too late.")
    assert again.status_code == 302
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_APPROVED
    decided = client.get(review_url(state))
    assert "already decided or withdrawn" in decided.content.decode()
    assert not soup(decided).select("button[name=decision]")
    # Only the task's reviewers read what was submitted to it, decided or not.
    client.force_login(editor)
    refused = client.get(review_url(state))
    assert refused.status_code in (302, 403)
    assert "evidence-review__text" not in refused.content.decode()


def test_the_reviewer_dashboard_lists_what_waits(client, editor, reviewer, module):
    client.force_login(reviewer)
    empty = squash(soup(client.get(reverse("wagtailadmin_home"))).get_text(" "))
    assert "Evidence to review (0)" in empty and "Nothing waits for your review" in empty
    client.force_login(editor)
    state = submit(client, module)
    client.force_login(reviewer)
    dashboard = soup(client.get(reverse("wagtailadmin_home")))
    links = [a["href"] for a in dashboard.select("a") if "evidence-review" in a.get("href", "")]
    assert review_url(state) in links


def test_an_editor_cannot_publish(client, editor, module):
    client.force_login(editor)
    edit_page(client, module, {**posted(module, title="Unreviewed title"), **PUBLISH})
    assert live_title(module) == "Noticing secondary traumatic stress"
    assert WorkflowState.objects.filter(object_id=str(module.pk)).count() == 0


def test_a_publisher_cannot_bulk_publish_an_unreviewed_draft(client, publisher, module):
    module.title = "Unreviewed draft"
    module.save_revision()
    client.force_login(publisher)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{url}?id={module.pk}", {"include_descendants": ""}, follow=True)
    assert live_title(module) == "Noticing secondary traumatic stress"
    text = squash(soup(response).get_text(" "))
    assert "has not passed evidence review" in text


def test_a_publisher_and_a_reviewer_cannot_open_the_editor(
    client, reviewer, publisher, editor, module
):
    client.force_login(editor)
    submit(client, module)
    url = reverse("wagtailadmin_pages:edit", args=[module.pk])
    for user in (reviewer, publisher):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"] != url

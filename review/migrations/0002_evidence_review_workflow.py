"""The evidence review workflow, on every course index (and so on every course and module).

Editors submit; an evidence reviewer approves or requests changes; a publisher then publishes (or
schedules). A course index made later gets the workflow from review.signal_handlers. The
other pages' workflow ("Publisher approval") gets the same publishing step. Names are frozen here;
review/workflow.py names them for the code.
"""

from django.db import migrations

WORKFLOW = "Evidence review and publishing"
PUBLISHER_APPROVAL = "Publisher approval"
STEPS = [
    ("EvidenceReviewTask", "Evidence review", "Evidence reviewers"),
    ("PublishingTask", "Publishing", "Publishers"),
]


def task(apps, model_name, name, group):
    Model = apps.get_model("review", model_name)
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="review", model=model_name.lower()
    )
    found = Model.objects.filter(name=name).first()
    if found is None:
        found = Model.objects.create(name=name, active=True, content_type=content_type)
    found.groups.add(group)
    return found


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    CourseIndexPage = apps.get_model("courses", "CourseIndexPage")

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if created:
        for order, (model_name, name, group_name) in enumerate(STEPS):
            group, _ = Group.objects.get_or_create(name=group_name)
            WorkflowTask.objects.create(
                workflow=workflow, task=task(apps, model_name, name, group), sort_order=order
            )
    for page_id in CourseIndexPage.objects.values_list("pk", flat=True):
        WorkflowPage.objects.update_or_create(page_id=page_id, defaults={"workflow": workflow})
    publish_other_pages_without_editing(apps, workflow)


def publish_other_pages_without_editing(apps, workflow):
    """Wagtail's default workflow (renamed "Publisher approval" by roles 0001) approves with a
    group approval task, which lets publishers edit the page they approve. It uses the publishing
    step instead, so publishers never edit any page."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    publishing = WorkflowTask.objects.get(workflow=workflow, sort_order=len(STEPS) - 1).task
    for other in Workflow.objects.filter(name=PUBLISHER_APPROVAL).exclude(pk=workflow.pk):
        for step in WorkflowTask.objects.filter(workflow=other).exclude(task=publishing):
            old_task = step.task
            step.task = publishing
            step.save(update_fields=["task"])
            still_used = WorkflowTask.objects.filter(task=old_task).exists()
            waiting = TaskState.objects.filter(task=old_task, status="in_progress").exists()
            if not still_used and not waiting:
                type(old_task).objects.filter(pk=old_task.pk).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0001_tasks"),
        ("roles", "0001_roles"),
        ("courses", "0005_document_text_status"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]

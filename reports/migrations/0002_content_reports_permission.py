"""Editors, Evidence reviewers and Publishers may see the content reports.

The groups are found by name, or made (after the roles migration, which renames Wagtail's
Moderators to Publishers, so that no empty "Publishers" is made before the rename).
"""

from django.db import migrations

GROUPS = ("Editors", "Evidence reviewers", "Publishers")
CODENAME = "view_content_reports"


def report_permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="reports", model="downloadcount")
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can see the content reports"},
    )
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = report_permission(apps)
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = report_permission(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("roles", "0001_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

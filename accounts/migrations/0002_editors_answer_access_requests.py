"""Editors and Publishers may see and answer access requests in the admin (never add or delete)."""

from django.db import migrations

GROUPS = ("Editors", "Publishers")
ACTIONS = ("view", "change")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="accounts", model="accessrequest"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_accessrequest",
            defaults={"name": f"Can {action} access request"},
        )[0]
        for action in ACTIONS
    ]
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(
        content_type__app_label="accounts",
        codename__in=[f"{action}_accessrequest" for action in ACTIONS],
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Wagtail's own groups (Editors, Moderators) exist first.
        ("wagtailcore", "0002_initial_data"),
        # Publishers is Wagtail's Moderators renamed there: made before, it would be a second group.
        ("roles", "0001_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

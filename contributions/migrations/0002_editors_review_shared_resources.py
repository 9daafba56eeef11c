"""Editors may review shared resources: view and change them (never add or delete).

The group is found or made by name, so the order of the apps' migrations does not matter.
Going back removes the two permissions from the group and leaves the group.
"""

from django.db import migrations

EDITORS = "Editors"
CODENAMES = ("view_sharedresource", "change_sharedresource")


def review_permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="contributions", model="sharedresource"
    )
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} shared resource"},
        )[0]
        for codename in CODENAMES
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*review_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors:
        editors.permissions.remove(*review_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0001_initial"),
        # Wagtail makes the Editors group here; found by name afterwards, never made twice.
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

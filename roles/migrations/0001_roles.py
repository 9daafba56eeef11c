"""The site's roles as Wagtail groups, each with exactly the permissions it needs.

- Editors draft and edit pages (courses, modules, the consortium's pages), handouts and references,
  and submit them for review. They never publish. (An editor who is also in Trainers manages the
  trainer-only materials too: courses 0003.)
- Evidence reviewers approve a course or module, or request changes, in the evidence review
  workflow (the review app). They have no page permission: they cannot edit.
- Publishers publish, schedule and unpublish. They are Wagtail's "Moderators" group renamed (with
  its workflow task), minus "add" and "change": a publisher who could edit could publish text no
  reviewer has seen.
- Trainers and HR leaders (made by courses 0003) never reach the admin; Trainers may open
  trainer-only pages and files.

Every step finds what exists first, so the migration also fits a database where a group was made
by hand; grants a site gave a group stay, except those its role must never have. The names are frozen here; roles/groups.py names them for the code.
"""

from django.db import migrations

EDITORS = "Editors"
EVIDENCE_REVIEWERS = "Evidence reviewers"
PUBLISHERS = "Publishers"
WAGTAIL_MODERATORS = "Moderators"
WAGTAIL_MODERATION_NAME = "Moderators approval"
PUBLISHER_APPROVAL_NAME = "Publisher approval"

PUBLISHER_PAGE_PERMISSIONS = {"publish_page", "lock_page", "unlock_page"}
PUBLISHERS_NEVER = {"add_page", "change_page"}
EDITOR_PAGE_PERMISSIONS = {"add_page", "change_page"}
EDITORS_NEVER = {"publish_page"}
REFERENCE_PERMISSIONS = {
    EDITORS: ["add_reference", "change_reference", "view_reference"],
    EVIDENCE_REVIEWERS: ["view_reference"],
    PUBLISHERS: ["view_reference"],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    name = f"Can {codename.split('_')[0]} {model}"
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found


def publishers_group(apps):
    """Wagtail's Moderators, renamed; or a new group when there is none to rename.

    A "Publishers" group made earlier (by hand) takes over Moderators' members, permissions and
    workflow tasks, so there is one group, not two.
    """
    Group = apps.get_model("auth", "Group")
    existing = Group.objects.filter(name=PUBLISHERS).first()
    moderators = Group.objects.filter(name=WAGTAIL_MODERATORS).first()
    if moderators is None:
        return existing or Group.objects.create(name=PUBLISHERS)
    if existing is None:
        moderators.name = PUBLISHERS
        moderators.save(update_fields=["name"])
        return moderators
    merge_group(apps, moderators, into=existing)
    return existing


def merge_group(apps, group, into):
    """Everything `group` has or is given goes to `into`; then `group` is deleted."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    into.permissions.add(*group.permissions.all())
    into.user_set.add(*group.user_set.all())
    for grant in GroupPagePermission.objects.filter(group=group):
        GroupPagePermission.objects.get_or_create(
            group=into, page_id=grant.page_id, permission_id=grant.permission_id
        )
    for grant in GroupCollectionPermission.objects.filter(group=group):
        GroupCollectionPermission.objects.get_or_create(
            group=into, collection_id=grant.collection_id, permission_id=grant.permission_id
        )
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for task in GroupApprovalTask.objects.filter(groups=group):
        task.groups.add(into)
    group.delete()


def rename_wagtail_moderation(apps):
    """Wagtail's default workflow and task keep their behaviour under the group's new name."""
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=WAGTAIL_MODERATION_NAME).update(
            name=PUBLISHER_APPROVAL_NAME
        )


def grant_page_permissions(apps, group, codenames):
    """`group` holds `codenames` on the root page (and so on every page); other grants a site
    gave it stay as they are."""
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=permission(apps, "wagtailcore", "page", codename)
        )


def revoke_page_permissions(apps, group, codenames):
    """`group` loses `codenames` wherever it held them: what the role must never do."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(group=group, permission__codename__in=codenames).delete()


def set_up_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    reviewers, _ = Group.objects.get_or_create(name=EVIDENCE_REVIEWERS)
    publishers = publishers_group(apps)
    rename_wagtail_moderation(apps)

    grant_page_permissions(apps, editors, EDITOR_PAGE_PERMISSIONS)
    revoke_page_permissions(apps, editors, EDITORS_NEVER)
    grant_page_permissions(apps, publishers, PUBLISHER_PAGE_PERMISSIONS)
    revoke_page_permissions(apps, publishers, PUBLISHERS_NEVER)
    revoke_page_permissions(apps, reviewers, PUBLISHERS_NEVER | EDITORS_NEVER)

    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")
    for group in (editors, reviewers, publishers):
        group.permissions.add(access_admin)
    groups = {EDITORS: editors, EVIDENCE_REVIEWERS: reviewers, PUBLISHERS: publishers}
    for name, codenames in REFERENCE_PERMISSIONS.items():
        for codename in codenames:
            groups[name].permissions.add(permission(apps, "courses", "reference", codename))


def undo_roles(apps, schema_editor):
    """Back to Wagtail's names, which the earlier code reads; permissions stay as they are."""
    Group = apps.get_model("auth", "Group")
    if not Group.objects.filter(name=WAGTAIL_MODERATORS).exists():
        Group.objects.filter(name=PUBLISHERS).update(name=WAGTAIL_MODERATORS)
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=PUBLISHER_APPROVAL_NAME).update(
            name=WAGTAIL_MODERATION_NAME
        )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_document_text_status"),
        ("search", "0004_term_best_first"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        # Wagtail gives Moderators their image permissions here; the rename keeps them.
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(set_up_roles, undo_roles)]

"""A public and a trainer-only document collection, and who may manage the documents of each.

Wagtail's own migrations give the Editors and Moderators groups their document permissions (add,
change, choose) on the root collection, and a permission on a collection reaches every collection
below it: any editor could open a trainer-only document in the admin and move it to a public
collection. Here those permissions move to "Course materials" (with the documents that sat in the
root collection), and only the Trainers group may manage "Trainer-only materials", which only
Trainers may download.

Every step finds what exists before creating anything, so the migration also fits a database where
the demo content already made "Course materials" or the groups. Images are left alone: Wagtail
applies collection privacy to documents only, so there is no trainer-only image to protect.

The names are frozen here on purpose; courses/collections.py names the same groups and collections
for the code.
"""

from django.db import migrations
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr

TRAINERS = "Trainers"
HR_LEADERS = "HR leaders"
EDITOR_GROUPS = ["Editors", "Moderators"]
COURSE_MATERIALS = "Course materials"
TRAINER_ONLY_MATERIALS = "Trainer-only materials"
TRAINER_DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]

# Collection is a treebeard MP_Node: each level adds 4 characters of this alphabet to the path.
STEP_LENGTH = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def path_step(number):
    """`number` written as one step of a tree path, e.g. 1 -> "0001", 10 -> "000A"."""
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEP_LENGTH, "0")


def next_sibling_path(path):
    """The path right after `path` at the same level (treebeard's _inc_path)."""
    parent_path, step = path[:-STEP_LENGTH], path[-STEP_LENGTH:]
    return parent_path + path_step(int(step, len(ALPHABET)) + 1)


def move_branch(Collection, old_path, new_path):
    """Give a collection and everything below it the path prefix `new_path` instead of `old_path`."""
    Collection.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1))
    )


def add_child_in_name_order(Collection, parent, name):
    """A new child of `parent`, placed among its siblings by name as Wagtail's Collection is.

    The historical model has no treebeard methods, so this does what `add_child` does for a model
    with `node_order_by = ["name"]`: siblings from the new one's place on move one step right.
    """
    children = Collection.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    first_after = children.filter(name__gt=name).order_by("path").first()
    if first_after is None:
        last = children.order_by("path").last()
        path = next_sibling_path(last.path) if last else parent.path + path_step(1)
    else:
        path = first_after.path
        for sibling in children.filter(path__gte=path).order_by("-path"):
            move_branch(Collection, sibling.path, next_sibling_path(sibling.path))
    Collection.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    return Collection.objects.create(name=name, path=path, depth=parent.depth + 1, numchild=0)


def top_level_collection(Collection, root, name):
    """The collection called `name` right under the root, created if it is missing."""
    children = Collection.objects.filter(path__startswith=root.path, depth=root.depth + 1)
    existing = children.filter(name=name).order_by("path").first()
    return existing or add_child_in_name_order(Collection, root, name)


def document_permission(apps, codename):
    """One of Wagtail's document permissions (the ones its own migrations create)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtaildocs", model="document")
    action = codename.split("_")[0]
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": f"Can {action} document"}
    )
    return permission


def restrict_to_group(apps, collection, group):
    """Only members of `group` (and superusers) may download the documents of `collection`."""
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type="groups"
    ).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type="groups", password=""
        )
    restriction.groups.add(group)


def move_editor_permissions(apps, root, collection):
    """Editors' and Moderators' document permissions on the root apply to `collection` instead."""
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    on_root = GroupCollectionPermission.objects.filter(
        collection=root,
        group__name__in=EDITOR_GROUPS,
        permission__content_type__app_label="wagtaildocs",
        permission__content_type__model="document",
    )
    for grant in on_root:
        GroupCollectionPermission.objects.get_or_create(
            group_id=grant.group_id, permission_id=grant.permission_id, collection=collection
        )
    on_root.delete()


def set_up_collections(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    CourseDocument = apps.get_model("courses", "CourseDocument")

    trainers, _ = Group.objects.get_or_create(name=TRAINERS)
    Group.objects.get_or_create(name=HR_LEADERS)

    root = Collection.objects.filter(depth=1).order_by("path").first()
    public = top_level_collection(Collection, root, COURSE_MATERIALS)
    private = top_level_collection(Collection, root, TRAINER_ONLY_MATERIALS)
    restrict_to_group(apps, private, trainers)

    move_editor_permissions(apps, root, public)
    CourseDocument.objects.filter(collection=root).update(collection=public)

    for codename in TRAINER_DOCUMENT_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=trainers, collection=private, permission=document_permission(apps, codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_courses_modules_references"),
        ("wagtailcore", "0098_apitoken"),
        # The document permissions on the root collection that this moves come from here.
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        # Going back leaves the collections, the restriction and the permissions as they are: the
        # earlier code works with them, and giving editors the root again would reopen the hole.
        migrations.RunPython(set_up_collections, migrations.RunPython.noop),
    ]

"""The groups and document collections every install has (made by migration 0003 of courses).

"Course materials" is public and the Editors and Publishers groups manage its documents
(Publishers were Wagtail's "Moderators" until roles 0001 renamed them).
"Trainer-only materials" is restricted to the Trainers group, who alone manage its documents.
"""

from wagtail.models import Collection

TRAINERS = "Trainers"
HR_LEADERS = "HR leaders"
EDITOR_GROUPS = ("Editors", "Publishers")
COURSE_MATERIALS = "Course materials"
TRAINER_ONLY_MATERIALS = "Trainer-only materials"


def top_level_collection(name):
    """The collection called `name` right under the root collection."""
    return Collection.get_first_root_node().get_children().get(name=name)


def course_materials():
    return top_level_collection(COURSE_MATERIALS)


def trainer_only_materials():
    return top_level_collection(TRAINER_ONLY_MATERIALS)

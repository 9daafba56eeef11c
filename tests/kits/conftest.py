"""A small world of two courses whose modules have slides, handouts and references.

Course "Understanding STS": "Recognizing STS" (45 min) and "Self-care plans" (50 min), which share
the handout "Shared worksheet"; course "Supervising teams": "Reflective supervision" (30 min).
"""

import os

import pytest
from django.contrib.auth.models import Group

from home.models import SiteSettings
from tests.courses.factories import (
    CoursePageFactory,
    HandoutFactory,
    ModulePageFactory,
    ReferenceFactory,
    SlidesFactory,
    home_page,
    pdf_bytes,
)


@pytest.fixture
def trainers(db):
    return Group.objects.get_or_create(name="Trainers")[0]


@pytest.fixture(scope="module")
def world_ids(module_transaction):
    """The world, built once per test module (see `module_transaction`): {name: (model, pk)}."""
    home = home_page()
    SiteSettings.for_site(home.get_site())
    understanding = CoursePageFactory(title="Understanding STS")
    supervising = CoursePageFactory(title="Supervising teams")
    shared = HandoutFactory(title="Shared worksheet", file__data=pdf_bytes(3))
    recognizing = ModulePageFactory(
        parent=understanding,
        title="Recognizing STS",
        duration_minutes=45,
        learning_objectives=[("objective", "Name three signs of secondary traumatic stress.")],
        key_messages=[("message", "Secondary traumatic stress is a normal reaction.")],
        activities=[
            (
                "activity",
                {
                    "title": "Pair discussion: what helps?",
                    "minutes": 15,
                    "instructions": "Ask pairs to list what helps them after a hard day.",
                    "materials": "Flip chart",
                },
            )
        ],
        facilitator_notes="<p>Watch for participants who go quiet after the case story.</p>",
        content_warning="Describes a child protection case in some detail.",
        evidence_level="research",
        evidence_rationale="Two cohort studies support the signs listed.",
        references=[
            ReferenceFactory(
                authors="Bride, B. E.",
                year="2007",
                title="Prevalence of secondary traumatic stress among social workers",
                source="Social Work",
                volume="52",
                issue="1",
                pages="63–70",
                doi="10.1093/sw/52.1.63",
            )
        ],
        slides=[SlidesFactory(title="Slides")],
        handouts=[HandoutFactory(title="Signs checklist"), shared],
    )
    self_care = ModulePageFactory(
        parent=understanding,
        title="Self-care plans",
        duration_minutes=50,
        learning_objectives=[("objective", "Write a personal self-care plan.")],
        key_messages=[("message", "Self-care is a team responsibility too.")],
        activities=[
            (
                "activity",
                {
                    "title": "Plan writing in silence",
                    "minutes": 20,
                    "instructions": "Give everyone twenty quiet minutes to draft a plan.",
                    "materials": "",
                },
            )
        ],
        facilitator_notes="<ul><li>Offer a quiet room for anyone who needs a break.</li></ul>",
        content_warning="Participants may recall their own difficult experiences.",
        references=[
            ReferenceFactory(
                kind="report",
                authors="Office for Victims of Crime",
                year="2017",
                title="The vicarious trauma toolkit",
                source="",
                volume="",
                issue="",
                pages="",
                doi="",
                url="https://ovc.ojp.gov/program/vtt",
            )
        ],
        slides=[SlidesFactory(title="Slides")],
        handouts=[shared],
    )
    reflective = ModulePageFactory(
        parent=supervising,
        title="Reflective supervision",
        duration_minutes=30,
        handouts=[HandoutFactory(title="Supervision prompts")],
    )
    built = {
        "home": home,
        "understanding": understanding,
        "supervising": supervising,
        "recognizing": recognizing,
        "self_care": self_care,
        "reflective": reflective,
        "shared": shared,
    }
    return {name: (type(obj), obj.pk) for name, obj in built.items()}


@pytest.fixture
def world(db, world_ids):
    """Fresh objects of the world for each test: what one test changes, the next never sees."""
    return {name: model.objects.get(pk=pk) for name, (model, pk) in world_ids.items()}


@pytest.fixture
def stored_file_removed():
    """Remove a document's file from storage for one test, and put it back afterwards."""
    removed = []

    def remove(document):
        path = document.file.path
        os.rename(path, f"{path}.removed")
        removed.append(path)

    yield remove
    for path in removed:
        os.rename(f"{path}.removed", path)

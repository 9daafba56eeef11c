"""A site with public and hidden courses, modules and files, as the open data tests read it."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from courses.collections import course_materials
from home.models import SiteSettings
from tests.courses.factories import (
    AudienceFactory,
    CourseDocumentFactory,
    CoursePageFactory,
    HandoutFactory,
    ModulePageFactory,
    ReferenceFactory,
    SlidesFactory,
    home_page,
)
from tests.home.factories import DomainPageFactory

# Every title a visitor, a partner site or a feed reader must never be shown.
HIDDEN_TITLES = [
    "Draft module",
    "Trainer-only module",
    "Module of an unpublished course",
    "Unpublished course",
    "Hidden domain",
    "Trainer answer sheet",
    "Supervisor notes",
    "Trainer-only module slides",
]


def open_data_world():
    """One public course with one public module, and beside it everything that must stay hidden:
    a draft module, a trainer-only module, a module of an unpublished course, an unpublished
    domain, a file in a private collection, one in a collection below it, and the slides printed
    from the trainer-only module."""
    trainers = Group.objects.get_or_create(name="Trainers")[0]
    home = home_page()
    SiteSettings.for_site(home.get_site())
    science = DomainPageFactory(parent=home, title="Science", slug="science")
    hidden_domain = DomainPageFactory(parent=home, title="Hidden domain", live=False)
    course = CoursePageFactory(
        title="Understanding STS",
        audiences=[AudienceFactory(name="Supervisors", slug="supervisors")],
        domains=[science, hidden_domain],
    )
    private = Collection.get_first_root_node().add_child(name="Trainer files")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    private_child = private.add_child(name="Supervision")
    draft = ModulePageFactory(parent=course, title="Draft module", duration_minutes=30, live=False)
    trainer_only = ModulePageFactory(
        parent=course, title="Trainer-only module", duration_minutes=50
    )
    restriction = PageViewRestriction.objects.create(page=trainer_only, restriction_type="groups")
    restriction.groups.add(trainers)
    offline_course = CoursePageFactory(title="Unpublished course")
    offline_module = ModulePageFactory(
        parent=offline_course, title="Module of an unpublished course"
    )
    offline_course.unpublish()

    restricted_slides = CourseDocumentFactory(
        title="Trainer-only module slides",
        kind="slides",
        collection=course_materials(),
        generated_for=trainer_only,
        generated_key="slides.pdf",
        generated_at=timezone.now(),
    )
    public_slides = SlidesFactory(title="Public slides", description="Twelve slides to present.")
    handout = HandoutFactory(
        title="Public handout",
        description="A one-page summary of warning signs.",
        licence="cc-by-4.0",
        last_reviewed=datetime.date(2026, 1, 15),
        page_count=2,
    )
    answer_sheet = HandoutFactory(title="Trainer answer sheet", collection=private)
    supervisor_notes = HandoutFactory(title="Supervisor notes", collection=private_child)
    public = ModulePageFactory(
        parent=course,
        title="Public module",
        duration_minutes=45,
        evidence_level="consensus",
        key_messages=[("message", "Secondary traumatic stress is a normal response.")],
        domains=[science, hidden_domain],
        references=[ReferenceFactory(title="Compassion fatigue among trainers")],
        slides=[public_slides],
        handouts=[handout, answer_sheet, supervisor_notes, restricted_slides],
    )
    # As when published: hidden modules have recent dates too, so only privacy keeps them out.
    for page in (public, course, draft, trainer_only, offline_module):
        page.last_published_at = page.first_published_at = timezone.now()
        page.save(update_fields=["last_published_at", "first_published_at"])
    return {
        "home": home,
        "science": science,
        "hidden_domain": hidden_domain,
        "course": course,
        "public": public,
        "draft": draft,
        "trainer_only": trainer_only,
        "offline_course": offline_course,
        "offline_module": offline_module,
        "public_slides": public_slides,
        "handout": handout,
        "answer_sheet": answer_sheet,
        "supervisor_notes": supervisor_notes,
        "restricted_slides": restricted_slides,
    }

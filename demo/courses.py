"""Demo courses: audiences, references, courses and modules, whose slides and handouts the site
prints from each module's own content (materials/), as it does for every published module.

Everything is create-if-missing (found by slug or title), so running it again changes nothing and
never overwrites an editor's work. The repository carries no binaries.
"""

import json
from pathlib import Path

from django.db import transaction

from courses.models import (
    Audience,
    CourseDocument,
    CourseIndexPage,
    CoursePage,
    ModuleHandout,
    ModulePage,
    ModuleReference,
    Reference,
)
from home.models import DomainPage, StandardPage
from materials.generation import generate_module_materials

DATA_FILE = Path(__file__).resolve().parent / "data" / "courses.json"


def read_data():
    with open(DATA_FILE, encoding="utf-8") as data:
        return json.load(data)


def handout_block(item):
    """A handout of the data file as the value of a module's handout block."""
    return {
        "title": item["title"],
        "description": item["description"],
        "kind": item.get("kind", "handout"),
        "body": [(block_type, value) for block_type, value in item["body"]],
        "replacement": None,
    }


class CourseDemoLoader:
    def __init__(self, home, log=print):
        self.home = home
        self.log = log
        self.created = 0
        self.data = read_data()
        self.handouts = {}

    @transaction.atomic
    def load(self):
        self.audiences = self._audiences()
        self.references = self._references()
        index = self._index()
        courses = [self._course(index, course) for course in self.data["courses"]]
        return index, courses

    def _audiences(self):
        audiences = {}
        for item in self.data["audiences"]:
            audience, made = Audience.objects.get_or_create(
                slug=item["slug"],
                defaults={"name": item["name"], "description": item["description"]},
            )
            self.created += made
            audiences[item["slug"]] = audience
        return audiences

    def _references(self):
        references = {}
        fields = ("kind", "source", "volume", "issue", "pages", "edition", "publisher",
                  "report_number", "doi", "url")  # fmt: skip
        for item in self.data["references"]:
            reference, made = Reference.objects.get_or_create(
                title=item["title"],
                year=item["year"],
                defaults={
                    "authors": "\n".join(item["authors"]),
                    "authors_are_editors": item.get("editors", False),
                    **{name: item.get(name, "") for name in fields},
                },
            )
            self.created += made
            references[item["key"]] = reference
        return references

    def _publish(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        self.log(f"  created {page.url}")
        return page

    def _index(self):
        index = CourseIndexPage.objects.child_of(self.home).first()
        if index:
            return index
        index = self._publish(
            self.home,
            CourseIndexPage(
                title="Courses",
                slug="courses",
                intro="Evidence-informed courses on secondary traumatic stress. Each module comes "
                "with its timings, activities, evidence level, references, slides and handouts.",
                show_in_menus=True,
            ),
        )
        # Courses come right after the four domains in the main navigation.
        first_standard_page = self.home.get_children().type(StandardPage).first()
        if first_standard_page:
            index.move(first_standard_page, pos="left")
        return CourseIndexPage.objects.get(pk=index.pk)

    def _domains(self, slugs):
        return list(DomainPage.objects.child_of(self.home).filter(slug__in=slugs))

    def _course(self, index, data):
        course = CoursePage.objects.child_of(index).filter(slug=data["slug"]).first()
        if course is None:
            course = CoursePage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                format=data["format"],
                learning_objectives=[("objective", text) for text in data["learning_objectives"]],
                evidence_summary=data["evidence_summary"],
                last_reviewed=data["last_reviewed"],
            )
            course.audiences = [self.audiences[slug] for slug in data["audiences"]]
            course.domains = self._domains(data["domains"])
            self._publish(index, course)
        for module in data["modules"]:
            if not ModulePage.objects.child_of(course).filter(slug=module["slug"]).exists():
                self._module(course, data, module)
        return course

    def _module(self, course, course_data, data):
        references = [self.references[key] for key in data["references"]]
        own = [item for item in data.get("handouts", []) if "reuse" not in item]
        module = ModulePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            learning_objectives=[("objective", text) for text in data["learning_objectives"]],
            duration_minutes=data["duration_minutes"],
            evidence_level=data["evidence_level"],
            evidence_rationale=data["evidence_rationale"],
            key_messages=[("message", text) for text in data["key_messages"]],
            activities=[("activity", activity) for activity in data.get("activities", [])],
            facilitator_notes=data.get("facilitator_notes", ""),
            content_warning=data.get("content_warning", ""),
            handout_texts=[("handout", handout_block(item)) for item in own],
            last_reviewed=data["last_reviewed"],
        )
        module.domains = self._domains(data.get("domains", []))
        module.reference_links = [ModuleReference(reference=ref) for ref in references]
        module.handout_links = [
            ModuleHandout(document=self.handouts[item["reuse"]])
            for item in data.get("handouts", [])
            if "reuse" in item and item["reuse"] in self.handouts
        ]
        self._publish(course, module)
        # Printed now, not after the commit: later modules link the handouts this one prints.
        module = ModulePage.objects.get(pk=module.pk)
        generate_module_materials(module)
        printed = CourseDocument.objects.filter(generated_for=module)
        for item, block in zip(own, module.handout_texts, strict=True):
            self.handouts[item["slug"]] = printed.get(generated_key=f"handout:{block.id}")
        self.created += printed.count()

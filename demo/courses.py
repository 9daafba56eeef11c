"""Demo courses: audiences, references, courses, modules and their generated slides and handouts.

Everything is create-if-missing (found by slug or title), so running it again changes nothing and
never overwrites an editor's work. Files are generated here (python-pptx, fpdf2) from each
module's own content, so the repository carries no binaries.
"""

import json
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction

from courses.collections import course_materials
from courses.models import (
    Audience,
    CourseDocument,
    CourseIndexPage,
    CoursePage,
    DocumentKind,
    Licence,
    ModuleHandout,
    ModulePage,
    ModuleReference,
    ModuleSlides,
    Reference,
)
from courses.pdfs import DocumentPDF
from courses.slides import Deck, Slide, pdf_bytes, pptx_bytes
from home.models import DomainPage, StandardPage

DATA_FILE = Path(__file__).resolve().parent / "data" / "courses.json"
ATTRIBUTION = (
    "STS Learn demonstration material, written from the published sources listed in the module."
)
HANDOUT_FOOTER = "STS Consortium | General information, not medical advice"


def read_data():
    with open(DATA_FILE, encoding="utf-8") as data:
        return json.load(data)


def module_deck(course, module, references):
    """The slides of a module: objectives, key messages, each activity, references."""
    slides = [
        Slide("Learning objectives", module["learning_objectives"]),
        Slide("Key messages", module["key_messages"]),
    ]
    if module.get("content_warning"):
        slides.insert(0, Slide("Before we start", [module["content_warning"]]))
    for activity in module.get("activities", []):
        bullets = [f"{activity['minutes']} minutes", activity["instructions"]]
        if activity.get("materials"):
            bullets.append(f"Materials: {activity['materials']}")
        slides.append(Slide(activity["title"], bullets))
    slides.append(Slide("References", [reference.apa_text() for reference in references]))
    subtitle = f"{course['title']} | {module['duration_minutes']} minutes"
    return Deck(module["title"], subtitle, slides)


_GENERATED = {}


def generated(key, build, *args):
    """`build(*args)`, made once per process: the demo data never changes while it runs, and
    rendering decks and PDFs is most of the loader's time (the test suite loads it many times)."""
    if key not in _GENERATED:
        _GENERATED[key] = build(*args)
    return _GENERATED[key]


def handout_pdf(handout, module):
    pdf = DocumentPDF(handout["title"], HANDOUT_FOOTER)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.title_block(handout["title"], f"From the module “{module['title']}”")
    for section in handout["sections"]:
        pdf.heading(section["heading"])
        for paragraph in section.get("paragraphs", []):
            pdf.paragraph(paragraph)
        if section.get("bullets"):
            pdf.bullets(section["bullets"])
    pdf.small(
        "This handout is general information and supplements, not replaces, the advice of "
        "health care professionals. If you are worried about your well-being, talk to your "
        "doctor or another health care provider."
    )
    return pdf.render()


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
        # Made by the migrations on every install, with the editors' permissions on it.
        self.collection = course_materials()
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
            last_reviewed=data["last_reviewed"],
        )
        module.domains = self._domains(data.get("domains", []))
        module.reference_links = [ModuleReference(reference=ref) for ref in references]
        deck = module_deck(course_data, data, references)
        audiences = [self.audiences[slug] for slug in course_data["audiences"]]
        slides = [
            self._document(
                f"{data['title']}: slides ({label})", f"{data['slug']}-slides.{extension}",
                content, DocumentKind.SLIDES, description, audiences,
                page_count=len(deck.slides) + 1, last_reviewed=data["last_reviewed"],
            )
            for extension, label, content, description in (
                ("pptx", "PowerPoint", generated(f"{data['slug']}.pptx", pptx_bytes, deck),
                 "The slides, to present or adapt."),
                ("pdf", "PDF", generated(f"{data['slug']}.pdf", pdf_bytes, deck),
                 "The same slides as a PDF, to print or present without PowerPoint."),
            )
        ]  # fmt: skip
        handouts = [self._handout(item, data) for item in data.get("handouts", [])]
        module.slide_links = [ModuleSlides(document=document) for document in slides]
        module.handout_links = [ModuleHandout(document=document) for document in handouts]
        self._publish(course, module)

    def _handout(self, item, module):
        """A handout document; {"reuse": "<slug>"} links one another module already has."""
        slug = item.get("reuse", item.get("slug"))
        if slug in self.handouts:
            return self.handouts[slug]
        audiences = [self.audiences[name] for name in item.get("audiences", [])]
        document = self._document(
            item["title"], f"{slug}.pdf", generated(f"handout {slug}", handout_pdf, item, module),
            DocumentKind.HANDOUT, item["description"], audiences,
            last_reviewed=module["last_reviewed"],
        )  # fmt: skip
        self.handouts[slug] = document
        return document

    def _document(
        self, title, filename, content, kind, description, audiences, page_count=None,
        last_reviewed=None,
    ):  # fmt: skip
        existing = CourseDocument.objects.filter(title=title, kind=kind).first()
        if existing:
            return existing
        document = CourseDocument(
            title=title,
            file=ContentFile(content, name=filename),
            collection=self.collection,
            kind=kind,
            description=description,
            language="en",
            licence=Licence.CC_BY_NC_SA,
            attribution=ATTRIBUTION,
            page_count=page_count,
            last_reviewed=last_reviewed,
        )
        document.save()
        document.audiences.set(audiences)
        self.created += 1
        return document

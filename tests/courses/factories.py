import datetime
import io
import zipfile

import factory
import wagtail_factories
from django.contrib.contenttypes.models import ContentType
from pypdf import PdfWriter
from wagtail.models import Page

from courses.collections import course_materials
from courses.models import (
    Audience,
    CourseDocument,
    CourseIndexPage,
    CoursePage,
    DocumentKind,
    ModuleHandout,
    ModulePage,
    ModuleReference,
    ModuleSlides,
    Reference,
)
from home.models import HomePage
from tests.home.factories import HomePageFactory, site_root

# The first bytes of a .pptx (a zip archive); enough for the library, which never opens decks.
PPTX_BYTES = b"PK\x03\x04" + b"\x14\x00\x06\x00" + b"slides" * 20


def pdf_bytes(pages=1):
    """A real PDF of blank A4 pages, so that the page count is read from the file."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_bytes():
    """A minimal Word-like file: a zip archive (all that uploads check), the same on every call."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in (("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>")):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


def home_page():
    """The one home page (HomePage.max_count is 1): the existing one, or a new one.

    A new one replaces Wagtail's placeholder "Welcome" page (slug "home"), as the demo loader does.
    """
    existing = HomePage.objects.first()
    if existing:
        return existing
    plain_page = ContentType.objects.get_for_model(Page)
    for placeholder in Page.objects.child_of(site_root()).filter(content_type=plain_page):
        if not placeholder.get_children().exists():
            placeholder.delete()
    return HomePageFactory()


def course_index():
    """The one course index (CourseIndexPage.max_count is 1): the existing one, or a new one."""
    return CourseIndexPage.objects.first() or CourseIndexPageFactory()


def link(model, page, items, field):
    """Link `items` to a module page in the given order (sort_order 0, 1, 2…)."""
    model.objects.bulk_create(
        [model(page=page, sort_order=i, **{field: item}) for i, item in enumerate(items)]
    )


class AudienceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Audience {n}")
    slug = factory.Sequence(lambda n: f"audience-{n}")

    class Meta:
        model = Audience
        django_get_or_create = ("slug",)


class CourseDocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Handout {n}")
    file = factory.django.FileField(filename="handout.pdf", data=b"%PDF-1.4\n%%EOF\n")
    collection = factory.LazyFunction(course_materials)

    class Meta:
        model = CourseDocument


class HandoutFactory(CourseDocumentFactory):
    """A handout: a real two-page PDF in "Course materials" (public; editors manage it), read as
    the background task reads it once the upload is committed (its page count, its text)."""

    title = factory.Sequence(lambda n: f"Handout {n}")
    kind = DocumentKind.HANDOUT
    file = factory.django.FileField(
        filename=factory.Sequence(lambda n: f"handout-{n}.pdf"),
        data=factory.LazyFunction(lambda: pdf_bytes(2)),
    )

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def read_text(obj, create, extracted, **kwargs):
        if create:
            obj.read_text()


class SlidesFactory(CourseDocumentFactory):
    """A PowerPoint deck; decks are not opened, so their slide count is given."""

    title = factory.Sequence(lambda n: f"Slides {n}")
    kind = DocumentKind.SLIDES
    page_count = 12
    file = factory.django.FileField(
        filename=factory.Sequence(lambda n: f"deck-{n}.pptx"), data=PPTX_BYTES
    )


class ReferenceFactory(factory.django.DjangoModelFactory):
    kind = "article"
    authors = "Bride, B. E.\nRobinson, M. M."
    year = "2004"
    title = factory.Sequence(lambda n: f"A study of secondary traumatic stress number {n}")
    source = "Traumatology"
    volume = "14"
    issue = "1"
    pages = "27–35"
    doi = factory.Sequence(lambda n: f"10.1000/sts.{n}")

    class Meta:
        model = Reference


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    """/courses/ under the one home page; asking again returns the same index."""

    title = "Courses"
    slug = "courses"
    intro = "Evidence-informed courses on secondary traumatic stress."
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = CourseIndexPage
        django_get_or_create = ("parent", "slug")


class CoursePageFactory(wagtail_factories.PageFactory):
    """A live course under the one course index. Pass audiences=[…] and domains=[…] to tag it."""

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = factory.LazyAttribute(lambda o: f"What {o.title} teaches, in one sentence.")
    format = "in-person"
    learning_objectives = factory.LazyFunction(
        lambda: [("objective", "Describe three signs of secondary traumatic stress.")]
    )
    evidence_summary = "<p>The course rests on the 2021 consensus guidelines.</p>"
    last_reviewed = datetime.date(2026, 2, 2)
    parent = factory.LazyFunction(course_index)

    class Meta:
        model = CoursePage
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.audiences.set(extracted)
            obj.save()

    @factory.post_generation
    def domains(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.domains.set(extracted)
            obj.save()


class ModulePageFactory(wagtail_factories.PageFactory):
    """A live module of a new course (pass parent=course to add it to an existing one).

    references=[…], slides=[…] and handouts=[…] link those in order; domains=[…] tags it.
    """

    title = factory.Sequence(lambda n: f"Module {n}")
    summary = factory.LazyAttribute(lambda o: f"What {o.title} covers.")
    duration_minutes = 45
    evidence_level = "practice"
    learning_objectives = factory.LazyFunction(
        lambda: [("objective", "Name the three kinds of reaction.")]
    )
    last_reviewed = factory.LazyFunction(datetime.date.today)
    parent = factory.SubFactory(CoursePageFactory)

    class Meta:
        model = ModulePage
        skip_postgeneration_save = True

    @factory.post_generation
    def domains(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.domains.set(extracted)
            obj.save()

    @factory.post_generation
    def references(obj, create, extracted, **kwargs):
        if create and extracted:
            link(ModuleReference, obj, extracted, "reference")

    @factory.post_generation
    def slides(obj, create, extracted, **kwargs):
        if create and extracted:
            link(ModuleSlides, obj, extracted, "document")

    @factory.post_generation
    def handouts(obj, create, extracted, **kwargs):
        if create and extracted:
            link(ModuleHandout, obj, extracted, "document")

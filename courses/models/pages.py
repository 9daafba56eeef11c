"""The course catalogue: the courses index and course pages."""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django import forms
from django.db import models
from django.db.models import Prefetch, Q
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from api.fields import BlockTexts, CourseMinutes, Names, PublicPageLinks
from courses.blocks import ObjectiveBlock
from courses.models.modules import ModulePage, visible_modules
from courses.models.taxonomy import Audience
from home.models import DomainPage, SitePage
from home.models.pictures import PictureAPIField, PictureFields, picture_panel
from sts_learn.privacy import is_public, public_pages, visible_pages


class CourseFormat(models.TextChoices):
    IN_PERSON = "in-person", "In person"
    ONLINE = "online", "Online (live)"
    BLENDED = "blended", "Blended"


class CourseIndexPage(SitePage):
    """/courses/: every published course, filterable by audience and domain with plain links."""

    intro = models.TextField(
        max_length=600, blank=True, help_text="A short paragraph above the list of courses."
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1
    template = "pages/courses/course_index_page.html"
    # The filter links the page makes; a shared cache keeps one copy per known value.
    cache_query_parameters = ("audience", "domain")

    class Meta:
        verbose_name = "course index page"

    def serve(self, request, *args, **kwargs):
        """An unknown filter value is a 404 (with the whole list), never a new cache entry."""
        response = super().serve(request, *args, **kwargs)
        if response.context_data.get("unknown_filter"):
            response.status_code = 404
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = CoursePage.objects.child_of(self)
        listed = public_pages(courses, request)
        audiences = list(Audience.objects.filter(courses__in=listed).distinct())
        domains = public_pages(DomainPage.objects.filter(courses__in=listed), request)
        domains = list(domains.distinct())
        wanted_audience = request.GET.get("audience")
        wanted_domain = request.GET.get("domain")
        chosen_audience = next((a for a in audiences if a.slug == wanted_audience), None)
        chosen_domain = next((d for d in domains if d.slug == wanted_domain), None)
        if chosen_audience:
            courses = courses.filter(audiences=chosen_audience)
        if chosen_domain:
            courses = courses.filter(domains=chosen_domain)
        context.update(
            courses=course_cards(courses, request),
            audiences=audiences,
            domains=domains,
            chosen_audience=chosen_audience,
            chosen_domain=chosen_domain,
            unknown_filter=bool(
                (wanted_audience and not chosen_audience) or (wanted_domain and not chosen_domain)
            ),
        )
        return context


class CoursePage(PictureFields, SitePage):
    """A course: who it is for, what participants learn, and its modules in order."""

    summary = models.TextField(
        max_length=400, help_text="One or two sentences; shown in course lists and search results."
    )
    audiences = ParentalManyToManyField(
        Audience, blank=True, related_name="courses", help_text="Who the course is written for."
    )
    domains = ParentalManyToManyField(
        "home.DomainPage",
        blank=True,
        related_name="courses",
        help_text="The consortium's domains of work this course belongs to.",
    )
    format = models.CharField(
        max_length=20,
        choices=CourseFormat.choices,
        default=CourseFormat.IN_PERSON,
        help_text="How the course is usually delivered.",
    )
    learning_objectives = StreamField(
        [("objective", ObjectiveBlock())],
        blank=True,
        help_text="What participants can do by the end of the whole course.",
    )
    evidence_summary = RichTextField(
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text="What the course rests on, citing its key sources, in a short paragraph or two.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When an editor last checked the course as a whole."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        picture_panel(),
        MultiFieldPanel(
            [FieldPanel("audiences", widget=forms.CheckboxSelectMultiple), FieldPanel("format")],
            heading="Who and how",
        ),
        FieldPanel("learning_objectives"),
    ]
    evidence_panels = [FieldPanel("evidence_summary"), FieldPanel("last_reviewed")]
    tagging_panels = [FieldPanel("domains", widget=forms.CheckboxSelectMultiple)]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Course"),
            ObjectList(evidence_panels, heading="Evidence and review"),
            ObjectList(tagging_panels, heading="Domains"),
            ObjectList(Page.promote_panels, heading="Promote"),
            # Go-live and expiry dates: an approved page goes live on its go-live date.
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("learning_objectives"),
        index.SearchField("evidence_summary"),
        index.RelatedFields("audiences", [index.SearchField("name")]),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    template = "pages/courses/course_page.html"
    api_fields = [
        APIField("summary"),
        APIField("format"),
        APIField("audiences", serializer=Names()),
        APIField("domains", serializer=PublicPageLinks()),
        APIField("learning_objectives", serializer=BlockTexts()),
        APIField("total_duration_minutes", serializer=CourseMinutes()),
        APIField("evidence_summary"),
        APIField("last_reviewed"),
        APIField("image", serializer=PictureAPIField()),
    ]

    class Meta:
        verbose_name = "course page"

    def clean(self):
        super().clean()
        self.validate_picture()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = list(visible_modules(self, request))
        context.update(
            modules=modules,
            total_minutes=sum(module.duration_minutes or 0 for module in modules),
            audience_list=list(self.audiences.all()),
            # In a preview the domains come from the form, not a queryset: filter them here.
            domain_list=sorted(
                (domain for domain in self.domains.all() if is_public(domain, request)),
                key=lambda domain: domain.path,
            ),
        )
        return context


@dataclass
class CourseCard:
    """A course as lists show it: with its visible modules' count and total duration."""

    course: CoursePage
    module_count: int = 0
    total_minutes: int = 0
    audiences: list = field(default_factory=list)
    domains: list = field(default_factory=list)


def course_cards(courses, request):
    """Cards for the visible courses of a CoursePage queryset (4 queries, whatever the sizes)."""
    domains = public_pages(DomainPage.objects.all(), request).order_by("path")
    courses = list(
        visible_pages(courses, request)
        .order_by("path")
        .select_related("image")
        .prefetch_related("audiences", Prefetch("domains", queryset=domains), "image__renditions")
    )
    if not courses:
        return []
    cards = {course.path: CourseCard(course) for course in courses}
    depth = {course.depth + 1 for course in courses}
    modules = visible_pages(
        ModulePage.objects.filter(depth__in=depth).filter(
            reduce(or_, (Q(path__startswith=path) for path in cards))
        ),
        request,
    ).only("path", "duration_minutes")
    step = ModulePage.steplen
    for module in modules:
        card = cards.get(module.path[:-step])
        if card:
            card.module_count += 1
            card.total_minutes += module.duration_minutes or 0
    for card in cards.values():
        card.audiences = list(card.course.audiences.all())
        card.domains = list(card.course.domains.all())
    return list(cards.values())

"""A module: one deliverable unit of a course, with its evidence, activities and materials."""

from dateutil.relativedelta import relativedelta
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from api.fields import BlockTexts, ChoiceLabel, Materials, PublicPageLinks, References
from courses import citations
from courses.blocks import ActivityBlock, HandoutBlock, KeyMessageBlock, ObjectiveBlock
from courses.choosers import handout_chooser, slides_chooser
from courses.forms import ModulePageForm
from courses.models.documents import CourseDocument
from courses.panels import GeneratedMaterialsPanel
from home.models import SitePage, SiteSettings, site_ancestors
from roles.groups import TRAINERS
from sts_learn.privacy import is_locked, refused_collection_paths, visible_pages

MIN_MINUTES, MAX_MINUTES = 5, 480


class EvidenceLevel(models.TextChoices):
    RESEARCH = "research", "Research-supported"
    CONSENSUS = "consensus", "Expert consensus"
    PRACTICE = "practice", "Practice-informed"


EVIDENCE_SCALE = {
    EvidenceLevel.RESEARCH: "Peer-reviewed studies support it.",
    EvidenceLevel.CONSENSUS: "A published consensus or guideline supports it, such as the 2021 "
    "consensus guidelines.",
    EvidenceLevel.PRACTICE: "It is drawn from practice and has not yet been studied.",
}


class ModulePage(RoutablePageMixin, SitePage):
    summary = models.TextField(
        max_length=600, help_text="One or two sentences; shown on the course page and in search."
    )
    learning_objectives = StreamField(
        [("objective", ObjectiveBlock())],
        blank=True,
        help_text="What participants can do by the end. At least one is needed to publish.",
    )
    duration_minutes = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(MIN_MINUTES), MaxValueValidator(MAX_MINUTES)],
        verbose_name="duration (minutes)",
        help_text=f"How long the module takes to deliver, {MIN_MINUTES} to {MAX_MINUTES} minutes. "
        "Needed to publish; the course's total is added up from its modules.",
    )
    evidence_level = models.CharField(
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.PRACTICE,
        help_text="Research-supported: peer-reviewed studies. Expert consensus: a published "
        "consensus or guideline. Practice-informed: drawn from practice, not yet studied.",
    )
    evidence_rationale = models.TextField(
        max_length=1000,
        blank=True,
        help_text="Why this module has this evidence level, naming its sources.",
    )
    key_messages = StreamField(
        [("message", KeyMessageBlock())],
        blank=True,
        help_text="The three to five points a trainer must get across.",
    )
    activities = StreamField(
        [("activity", ActivityBlock())],
        blank=True,
        help_text="Timed exercises, in the order they are run.",
    )
    facilitator_notes = RichTextField(
        features=["bold", "italic", "link", "ul", "ol"],
        blank=True,
        help_text="How to run the module: what to watch for, how to keep participants safe.",
    )
    content_warning = models.TextField(
        max_length=1000,
        blank=True,
        help_text="Trauma content participants will meet, and how to prepare them. Leave empty "
        "when there is none. Shown at the top of the page.",
    )
    handout_texts = StreamField(
        [("handout", HandoutBlock())],
        blank=True,
        verbose_name="handouts",
        help_text="Handouts and worksheets written here. Each time the module is published, the "
        "site prints each one as an accessible PDF (and the slides from the module's text), so "
        "what trainers download always matches the module.",
    )
    slides_replacement = models.ForeignKey(
        "courses.CourseDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="hand-made slides",
        help_text="Optional: a deck made by hand, offered instead of the slides the site "
        "generates from this module.",
    )
    domains = ParentalManyToManyField(
        "home.DomainPage",
        blank=True,
        related_name="modules",
        help_text="The domains of work this module belongs to.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When an editor last checked the module against current evidence. The next "
        "review falls due after the interval set in Settings › Site settings.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("duration_minutes"),
        FieldPanel("learning_objectives"),
        FieldPanel("key_messages"),
        FieldPanel("content_warning"),
    ]
    teaching_panels = [FieldPanel("activities"), FieldPanel("facilitator_notes")]
    materials_panels = [
        GeneratedMaterialsPanel(heading="Files made from this module"),
        FieldPanel("handout_texts"),
        FieldPanel("slides_replacement", widget=slides_chooser.widget_class),
        InlinePanel(
            "slide_links",
            label="Other slides",
            heading="Other slides from the library",
            help_text="Decks from the document library offered with this module as well.",
        ),
        InlinePanel(
            "handout_links",
            label="Other handout",
            heading="Other handouts from the library",
            help_text="Handouts from the document library (e.g. one another module prints) "
            "offered with this module as well.",
        ),
    ]
    evidence_panels = [
        MultiFieldPanel(
            [FieldPanel("evidence_level"), FieldPanel("evidence_rationale")], heading="Evidence"
        ),
        InlinePanel("reference_links", label="Reference", heading="References"),
        FieldPanel("last_reviewed"),
        FieldPanel("domains", widget=forms.CheckboxSelectMultiple),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Module"),
            ObjectList(teaching_panels, heading="Activities and notes"),
            ObjectList(materials_panels, heading="Slides and handouts"),
            ObjectList(evidence_panels, heading="Evidence and review"),
            ObjectList(Page.promote_panels, heading="Promote"),
            # Go-live and expiry dates: an approved page goes live on its go-live date.
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    base_form_class = ModulePageForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("learning_objectives"),
        index.SearchField("key_messages"),
        index.SearchField("activities"),
        index.FilterField("evidence_level"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []
    template = "pages/courses/module_page.html"
    api_fields = [
        APIField("summary"),
        APIField("duration_minutes"),
        APIField("content_warning"),
        APIField("learning_objectives", serializer=BlockTexts()),
        APIField("key_messages", serializer=BlockTexts()),
        APIField("evidence_level"),
        APIField("evidence_level_label", serializer=ChoiceLabel("evidence_level")),
        APIField("evidence_rationale"),
        APIField("references", serializer=References()),
        APIField("materials", serializer=Materials()),
        APIField("domains", serializer=PublicPageLinks()),
        APIField("last_reviewed"),
    ]

    class Meta:
        verbose_name = "module page"

    @property
    def evidence_explanation(self):
        return EVIDENCE_SCALE.get(self.evidence_level, "")

    def next_review_date(self, interval_months):
        if not self.last_reviewed:
            return None
        return self.last_reviewed + relativedelta(months=interval_months)

    def references(self):
        return [link.reference for link in self.reference_links.all().select_related("reference")]

    @property
    def activity_minutes(self):
        return sum(block.value["minutes"] or 0 for block in self.activities)

    def materials(self, request):
        """(slides, handouts) this request may download, in the order they are offered.

        Read through the page's own fields and relations, so a preview shows what the form
        holds.
        """
        return self.materials_offered(request)[0]

    def materials_offered(self, request):
        """((slides, handouts) this request may download, (slides, handouts) it is shown as
        locked entries: trainer-only files, by their title and kind only)."""
        slides, handouts = module_materials([self])[self.pk]
        refused = refused_collection_paths(request)

        def allowed(documents):
            return [
                document
                for document in documents
                if not any(document.collection.path.startswith(path) for path in refused)
            ]

        def locked(documents):
            return [
                document
                for document in documents
                if document.generated_for_id in (None, self.pk)
                and is_locked(document, request, TRAINERS)
            ]

        return (allowed(slides), allowed(handouts)), (locked(slides), locked(handouts))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        course = site_ancestors(self, request)[-1]  # the parent (the breadcrumbs read the same)
        siblings = list(visible_modules(course, request).only("title", "path", "url_path"))
        position = next((i for i, m in enumerate(siblings) if m.pk == self.pk), None)
        (slides, handouts), (locked_slides, locked_handouts) = self.materials_offered(request)
        interval = SiteSettings.review_interval(request)
        next_review = self.next_review_date(interval)
        context.update(
            course=course,
            previous_module=siblings[position - 1] if position else None,
            next_module=(
                siblings[position + 1]
                if position is not None and position + 1 < len(siblings)
                else None
            ),
            module_number=(position or 0) + 1,
            module_count=len(siblings),
            slides=slides,
            handouts=handouts,
            locked_slides=locked_slides,
            locked_handouts=locked_handouts,
            reference_list=self.references(),
            next_review=next_review,
            review_due=bool(next_review and next_review < timezone.localdate()),
            evidence_scale=[(level, EVIDENCE_SCALE[level]) for level in EvidenceLevel],
        )
        return context

    def _references_file(self, content, content_type, extension):
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(
            True, f"{self.slug}-references.{extension}"
        )
        return response

    @path("references/ris/", name="references_ris")
    def references_ris(self, request):
        return self._references_file(
            citations.ris(self.references()),
            "application/x-research-info-systems; charset=utf-8",
            "ris",
        )

    @path("references/bibtex/", name="references_bibtex")
    def references_bibtex(self, request):
        return self._references_file(
            citations.bibtex(self.references()), "application/x-bibtex; charset=utf-8", "bib"
        )


def _handout_replacement_ids(module):
    """Ids of the hand-made files the module's handouts name, read without loading them."""
    return {
        block["id"]: block["value"].get("replacement")
        for block in module.handout_texts.raw_data
        if block.get("type") == "handout"
    }


def module_materials(modules):
    """{module id: (slides, handouts)}: the documents each module offers, in order, before any
    privacy check. Generated files stand in wherever no hand-made one replaces them; the files
    linked from the library follow. A fixed number of queries, whatever the number of modules.
    """
    ids = [module.pk for module in modules if module.pk]
    generated = {}
    for document in CourseDocument.objects.filter(generated_for__in=ids).select_related(
        "collection"
    ):
        generated[(document.generated_for_id, document.generated_key)] = document
    replacements = {module.pk: _handout_replacement_ids(module) for module in modules}
    wanted = {module.slides_replacement_id for module in modules if module.slides_replacement_id}
    wanted |= {pk for found in replacements.values() for pk in found.values() if pk}
    chosen = CourseDocument.objects.filter(pk__in=wanted).select_related("collection")
    chosen = {document.pk: document for document in chosen} if wanted else {}
    result = {}
    for module in modules:
        if module.slides_replacement_id:
            slides = [chosen.get(module.slides_replacement_id)]
        else:
            slides = [generated.get((module.pk, key)) for key in ("slides.pptx", "slides.pdf")]
        handouts = [
            chosen.get(replacement) if replacement else generated.get((module.pk, f"handout:{bid}"))
            for bid, replacement in replacements[module.pk].items()
        ]
        slides += _linked_documents(module, "slide_links")
        handouts += _linked_documents(module, "handout_links")
        result[module.pk] = (_unique(slides), _unique(handouts))
    return result


def _linked_documents(module, relation):
    """The documents of a module's links: prefetched ones as they are, else in one query (a
    preview's links are the form's, in memory)."""
    links = getattr(module, relation).all()
    if relation not in getattr(module, "_prefetched_objects_cache", {}):
        links = links.select_related("document__collection")
    return [link.document for link in links]


def _unique(documents):
    seen, unique = set(), []
    for document in documents:
        if document is not None and document.pk not in seen:
            seen.add(document.pk)
            unique.append(document)
    return unique


def visible_modules(course, request):
    """The modules of a course this request may see, in the editor's order."""
    return visible_pages(ModulePage.objects.child_of(course), request).order_by("path")


class ModuleReference(Orderable):
    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="reference_links")
    reference = models.ForeignKey(
        "courses.Reference",
        on_delete=models.CASCADE,
        related_name="module_links",
        help_text="A reference kept once under Snippets › References and reused by any module.",
    )
    panels = [FieldPanel("reference")]


class ModuleSlides(Orderable):
    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="slide_links")
    document = models.ForeignKey(
        "courses.CourseDocument",
        on_delete=models.CASCADE,
        related_name="module_slide_links",
        help_text="A slide deck (documents of the kind “Slides”).",
    )
    panels = [FieldPanel("document", widget=slides_chooser.widget_class)]


class ModuleHandout(Orderable):
    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="handout_links")
    document = models.ForeignKey(
        "courses.CourseDocument",
        on_delete=models.CASCADE,
        related_name="module_handout_links",
        help_text="A handout, worksheet, evaluation form or guide. The same handout may serve "
        "several modules.",
    )
    panels = [FieldPanel("document", widget=handout_chooser.widget_class)]

"""The consortium's own pages: home, the four domains, and standard pages (about, terms)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock, VisitorPathBlock
from home.models.base import SitePage
from home.models.pictures import PictureFields, picture_panel
from sts_learn.privacy import public_pages


def site_ancestors(page, request):
    """The page's ancestors from the site's home page down (not the page), once per request."""
    memo = request.__dict__.setdefault("_sts_ancestors", {})
    if page.path not in memo:
        ancestors = Page.objects.ancestor_of(page).filter(depth__gte=2)
        memo[page.path] = list(ancestors.only("title", "path", "depth", "url_path", "live"))
    return memo[page.path]


class HomePage(SitePage):
    """The site root: mission, goals, domains and where each kind of visitor starts."""

    mission_heading = models.CharField(
        max_length=120, default="Mission Statement", help_text="The heading above the mission."
    )
    mission = RichTextField(
        features=["bold", "italic", "link"],
        help_text="The consortium's mission statement, exactly as the consortium words it.",
    )
    goals_intro = models.CharField(
        max_length=200,
        help_text="The line that introduces the goals, e.g. “The goals of the STS Consortium "
        "include:”.",
    )
    domains_intro = models.CharField(
        max_length=255,
        help_text="The line that introduces the domains of work. The domains listed below it are "
        "this page's Domain sub-pages, in their order in the page tree.",
    )
    start_here = StreamField(
        [("path", VisitorPathBlock())],
        blank=True,
        max_num=6,
        help_text="“Start here” cards: one per kind of visitor (trainers, HR leaders, editors).",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("mission_heading"), FieldPanel("mission")], heading="Mission"),
        MultiFieldPanel(
            [FieldPanel("goals_intro"), InlinePanel("goals", label="Goal", min_num=1, max_num=12)],
            heading="Goals",
        ),
        FieldPanel("domains_intro"),
        FieldPanel("start_here"),
        InlinePanel(
            "featured_courses", label="Featured course", heading="Featured courses", max_num=6
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("mission"),
        index.RelatedFields("goals", [index.SearchField("text")]),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.DomainPage",
        "home.StandardPage",
        "courses.CourseIndexPage",
        "library.HandoutLibraryPage",
    ]
    max_count = 1
    template = "pages/home/home_page.html"

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        """Find a page several levels down by its URL path in two lookups, not two per level.

        Wagtail walks the tree one child at a time (a query for the child and one for its
        specific type, per level). No page type below the home page routes its children itself,
        so the page whose URL path matches is the one that walk would reach; anything else (a
        routable page's sub-route, a missing page) falls back to Wagtail's walk.
        """
        if path_components:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            found = (
                Page.objects.filter(url_path=url_path, path__startswith=self.path)
                .values_list("pk", "content_type_id")
                .first()
            )
            if found is not None:
                page_id, content_type_id = found
                model = ContentType.objects.get_for_id(content_type_id).model_class()
                return model.objects.get(pk=page_id).route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        """The domains; the featured courses come from the courses app's template tags."""
        context = super().get_context(request, *args, **kwargs)
        domains = public_pages(DomainPage.objects.child_of(self), request)
        # Each domain's picture with its renditions, in two queries whatever the number of domains.
        context["domains"] = (
            domains.order_by("path").select_related("image").prefetch_related("image__renditions")
        )
        return context


class HomePageGoal(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="goals")
    text = models.TextField(max_length=600, help_text="One goal, in the consortium's words.")

    panels = [FieldPanel("text")]

    def __str__(self):
        return self.text[:60]


class HomePageFeaturedCourse(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_courses")
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="featured_on",
        help_text="A course to show on the home page. Unpublished or private courses are skipped.",
    )

    panels = [FieldPanel("course")]


class DomainPage(PictureFields, SitePage):
    """One of the four domains of work: Science, Advocacy, Education, Practice."""

    summary = models.TextField(
        max_length=300,
        help_text="One or two plain sentences on what this domain covers; shown on the home page "
        "and in search results.",
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="What the domain covers, in plain language, with its sources.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        picture_panel(),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "pages/home/domain_page.html"

    class Meta:
        verbose_name = "domain page"

    def clean(self):
        super().clean()
        self.validate_picture()


class StandardPage(SitePage):
    """A plain content page: about, terms of use, accessibility, privacy."""

    intro = models.TextField(
        max_length=500,
        blank=True,
        help_text="An optional lead paragraph shown under the title and in search results.",
    )
    body = StreamField(BodyBlock(), help_text="The page's content.")
    search_by_title_only = models.BooleanField(
        default=False,
        verbose_name="Found in site search by its title only",
        help_text="For legal and housekeeping pages such as the Terms of Use: site search finds "
        "them when someone searches for their title or search description, not for every topic "
        "their text mentions.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [*SitePage.promote_panels, FieldPanel("search_by_title_only")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/home/standard_page.html"

    class Meta:
        verbose_name = "standard page"

"""The site search index, its synonyms and the queries that found nothing.

Every page and document that site search can show has one `SearchEntry`; its words are kept as
`SearchTerm` rows (an inverted index), made by `search.text` the same way on every database. Who
may see an entry is never stored here: it is decided per request through `sts_learn.privacy`.
"""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class EntryKind(models.TextChoices):
    COURSE = "course", "Course"
    MODULE = "module", "Module"
    HANDOUT = "handout", "Handout"
    PAGE = "page", "Page"


class SearchEntry(models.Model):
    """One page or document as site search knows it."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The page itself, or for a file printed from a module, that module "
        "(whose privacy the file follows).",
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The document, for an entry of a file.",
    )
    kind = models.CharField(max_length=10, choices=EntryKind.choices)
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="Plain text, for the excerpts under a result.")
    priority = models.FloatField(
        default=1.0, help_text="How much a match here counts: the specific above the general."
    )
    domains = models.ManyToManyField("home.DomainPage", blank=True, related_name="+")
    audiences = models.ManyToManyField("courses.Audience", blank=True, related_name="+")
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "search entries"
        constraints = [
            models.UniqueConstraint(
                fields=["page"], condition=models.Q(document__isnull=True), name="one_entry_a_page"
            ),
            models.UniqueConstraint(
                fields=["document"],
                condition=models.Q(document__isnull=False),
                name="one_entry_a_document",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"


class SearchTerm(models.Model):
    """A term of an entry with its weight: where the term stands (a title word counts more than
    a body word) times the entry's priority."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=40)
    weight = models.FloatField()

    class Meta:
        indexes = [
            models.Index(fields=["term"], include=["entry", "weight"], name="term_lookup"),
            # A one-word search reads its best postings first and stops after a page of them.
            models.Index(fields=["term", "-weight", "entry"], name="term_best_first"),
        ]

    def __str__(self):
        return self.term


class SynonymGroup(index.Indexed, models.Model):
    """Words that mean the same in a search, e.g. "STS, secondary traumatic stress"."""

    words = models.CharField(
        max_length=500,
        unique=True,
        help_text="Words or phrases that mean the same, separated by commas, the short form first, "
        "e.g. “EAP, employee assistance program”. Searching for any of them finds all of them. "
        "Word forms and British spellings need no entry (“supervisors” already finds "
        "“supervision”, “organisational” finds “organizational”).",
    )

    panels = [FieldPanel("words")]
    search_fields = [index.SearchField("words"), index.AutocompleteField("words")]

    class Meta:
        ordering = ["words"]
        verbose_name = "search synonym"
        verbose_name_plural = "search synonyms"

    def __str__(self):
        return self.words

    @property
    def members(self):
        return [word.strip() for word in self.words.split(",") if word.strip()]


class UnansweredQuery(models.Model):
    """A search that found nothing, counted (no visitor data is kept: the words and a count)."""

    query = models.CharField(max_length=200, unique=True)
    hits = models.PositiveIntegerField(default=0)
    first_seen = models.DateField(auto_now_add=True)
    last_seen = models.DateField(auto_now=True)

    class Meta:
        ordering = ["-hits", "query"]
        verbose_name = "search that found nothing"
        verbose_name_plural = "searches that found nothing"

    def __str__(self):
        return self.query

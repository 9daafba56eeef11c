"""Structured citations, kept once as snippets and reused by any number of modules."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from courses import citations


class ReferenceKind(models.TextChoices):
    ARTICLE = "article", "Journal article"
    BOOK = "book", "Book"
    REPORT = "report", "Report, guideline or toolkit"
    WEBPAGE = "webpage", "Web page"


class Reference(index.Indexed, models.Model):
    """One published work, shown in APA style and downloadable as RIS and BibTeX."""

    kind = models.CharField(
        max_length=10,
        choices=ReferenceKind.choices,
        default=ReferenceKind.ARTICLE,
        help_text="Decides how the citation is written (APA 7) and exported.",
    )
    authors = models.TextField(
        help_text="One author per line, as “Family, I. I.” (e.g. “Bride, B. E.”). An organization "
        "is one line (e.g. “Office for Victims of Crime”).",
    )
    authors_are_editors = models.BooleanField(
        default=False, help_text="Tick for an edited book: the names above are its editors."
    )
    year = models.CharField(
        max_length=10, help_text="Year of publication, e.g. “2004”, or “n.d.” when undated."
    )
    title = models.CharField(
        max_length=500,
        help_text="The work's title in sentence case, as published, without a final full stop.",
    )
    source = models.CharField(
        max_length=255,
        blank=True,
        help_text="The journal's name, for articles (e.g. “Traumatology”).",
    )
    volume = models.CharField(max_length=20, blank=True, help_text="Journal volume, e.g. “14”.")
    issue = models.CharField(
        max_length=20, blank=True, help_text="Journal issue, e.g. “1” or “3–4”."
    )
    pages = models.CharField(max_length=30, blank=True, help_text="Page range, e.g. “27–35”.")
    edition = models.CharField(max_length=30, blank=True, help_text="Edition, e.g. “2nd”.")
    publisher = models.CharField(
        max_length=255,
        blank=True,
        help_text="For books and reports: the publisher or issuing body, when not the author.",
    )
    report_number = models.CharField(
        max_length=80,
        blank=True,
        help_text="For reports: the publication number, e.g. “HHS Publication No. SMA-14-4869”.",
    )
    doi = models.CharField(
        max_length=200,
        blank=True,
        verbose_name="DOI",
        help_text="The DOI alone, e.g. “10.1177/1049731503254106” (no https://doi.org/).",
    )
    url = models.URLField(
        blank=True, verbose_name="URL", help_text="A stable web address, when there is no DOI."
    )

    panels = [
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("authors"), FieldPanel("authors_are_editors")], "Authors"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("edition")]),
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldPanel("source"),
                FieldRowPanel([FieldPanel("volume"), FieldPanel("issue"), FieldPanel("pages")]),
            ],
            "Journal",
        ),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("report_number")]),
        FieldRowPanel([FieldPanel("doi"), FieldPanel("url")]),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("authors"),
        index.AutocompleteField("title"),
        index.AutocompleteField("authors"),
        index.FilterField("year"),
    ]

    class Meta:
        ordering = ["authors", "year"]

    def __str__(self):
        first = self.author_list[0] if self.author_list else "Anonymous"
        more = " et al." if len(self.author_list) > 1 else ""
        return f"{first.split(',')[0]}{more} ({self.year}). {self.title}"

    def clean(self):
        super().clean()
        self.doi = citations.bare_doi(self.doi)
        if not self.author_list:
            raise ValidationError({"authors": "Give at least one author or organization."})
        if self.kind == ReferenceKind.ARTICLE and not self.source:
            raise ValidationError({"source": "A journal article needs the journal's name."})

    @property
    def author_list(self):
        return [line.strip() for line in self.authors.splitlines() if line.strip()]

    @property
    def link(self):
        return f"https://doi.org/{self.doi}" if self.doi else self.url

    def apa_html(self):
        return citations.apa_html(self)

    def apa_text(self):
        return citations.apa_text(self)

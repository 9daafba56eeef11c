"""Shared vocabularies kept once and reused: who material is for."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class Audience(index.Indexed, models.Model):
    """A kind of reader or participant, e.g. front-line staff, supervisors, HR leaders."""

    name = models.CharField(max_length=80, unique=True, help_text="As visitors will read it.")
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in filter links, e.g. ?audience=hr-leaders."
    )
    description = models.TextField(
        max_length=400, blank=True, help_text="Who belongs to this audience, in a sentence."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

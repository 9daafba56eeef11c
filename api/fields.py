"""Serializer fields of the open data API: how the page models' `api_fields` read to a partner.

Anything a field lists that could be hidden (domains, modules, documents) goes through
sts_learn.privacy's public rule: the API shows everyone what an anonymous visitor may see.
"""

from django.apps import apps
from django.db.models import Sum
from rest_framework import serializers
from wagtail.api.utils import get_full_url
from wagtail.documents import get_document_model

from sts_learn.privacy import public_documents, public_pages


class WholeObjectField(serializers.Field):
    """A read-only field computed from the whole object rather than one attribute."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance


class BlockTexts(serializers.Field):
    """A StreamField of one-line blocks (objectives, key messages) as a list of strings."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return [str(block.value) for block in value]


class Names(serializers.Field):
    """A many-to-many of snippets (audiences) as their names, in their own order."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return [str(item) for item in value.all()]


class PublicPageLinks(serializers.Field):
    """A many-to-many of pages (domains) as title, slug and address, public pages only."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        request = self.context.get("request")
        return [
            {"id": page.pk, "title": page.title, "slug": page.slug, "html_url": page.full_url}
            for page in public_pages(value.all(), request).order_by("path")
        ]


class CourseMinutes(WholeObjectField):
    """A course's length: the minutes of its modules that anyone may see."""

    def to_representation(self, course):
        module_model = apps.get_model("courses", "ModulePage")
        modules = public_pages(module_model.objects.child_of(course), self.context.get("request"))
        return modules.aggregate(total=Sum("duration_minutes"))["total"] or 0


class ChoiceLabel(WholeObjectField):
    """The human label of a choice field, e.g. "Expert consensus" for "consensus"."""

    def __init__(self, field_name, **kwargs):
        self.choice_field = field_name
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return getattr(instance, f"get_{self.choice_field}_display")()


class References(WholeObjectField):
    """A module's references: the APA citation as text, its DOI and a link."""

    def to_representation(self, module):
        return [
            {"citation": reference.apa_text(), "doi": reference.doi, "url": reference.link}
            for reference in module.references()
        ]


def document_link(document, request):
    """A document as a material list shows it: what it is and where to download it."""
    return {
        "id": document.pk,
        "title": document.title,
        "kind": document.kind,
        "format": document.format_label,
        "download_url": get_full_url(request, document.url),
    }


class Materials(WholeObjectField):
    """A module's slides and handouts, only the files that anyone may download."""

    def to_representation(self, module):
        request = self.context.get("request")
        slides, handouts = module.materials(None)
        offered = get_document_model().objects.filter(pk__in=[d.pk for d in (*slides, *handouts)])
        public = set(public_documents(offered, request).values_list("pk", flat=True))
        return {
            "slides": [document_link(d, request) for d in slides if d.pk in public],
            "handouts": [document_link(d, request) for d in handouts if d.pk in public],
        }


class UpdatedAt(WholeObjectField):
    """When the file last changed: when it was uploaded, or last printed from its module."""

    def to_representation(self, document):
        times = [t for t in (document.created_at, document.generated_at) if t]
        return serializers.DateTimeField().to_representation(max(times))

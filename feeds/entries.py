"""What the materials feed lists: the latest public modules and documents, newest first."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse

from courses.models import CourseDocument, ModulePage
from sts_learn.privacy import public_documents, public_pages
from sts_learn.public_urls import public_url

ENTRY_COUNT = 50


@dataclass
class Entry:
    """One module or document as a feed entry."""

    title: str
    url: str  # the page or the download, as a path on this site
    api_url: str  # its full address in the open data API: an id that outlives title and slug
    updated: datetime
    published: datetime
    summary: str
    kind: str  # "Module", or the document's kind, e.g. "Slides"


def module_entry(module, request):
    return Entry(
        title=module.title,
        url=module.get_url(request),
        api_url=public_url(reverse("wagtailapi_v2:pages:detail", args=[module.pk])),
        updated=module.last_published_at,
        published=module.first_published_at or module.last_published_at,
        summary=module.summary,
        kind="Module",
    )


def document_entry(document, request):
    kind = document.get_kind_display()
    return Entry(
        title=document.title,
        url=document.url,
        api_url=public_url(reverse("wagtailapi_v2:documents:detail", args=[document.pk])),
        updated=document.updated,
        published=document.created_at,
        summary=document.description or f"{kind} ({document.format_label})",
        kind=kind,
    )


def latest_entries(request, count=ENTRY_COUNT):
    """The `count` most recently published modules and created or regenerated documents that
    anyone may see, whoever asks."""
    modules = (
        public_pages(ModulePage.objects.all(), request)
        .exclude(last_published_at=None)
        .order_by("-last_published_at")
        .only("title", "summary", "url_path", "path", "last_published_at", "first_published_at")
    )
    documents = public_documents(CourseDocument.objects.all(), request).annotate(
        updated=Greatest("created_at", Coalesce("generated_at", "created_at"))
    )
    documents = documents.defer("extracted_text").order_by("-updated", "-pk")
    entries = [module_entry(module, request) for module in modules[:count]]
    entries += [document_entry(document, request) for document in documents[:count]]
    entries.sort(key=lambda entry: entry.updated, reverse=True)
    return entries[:count]

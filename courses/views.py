"""Document downloads: Wagtail's view (collection privacy checked) with cache headers and slots."""

from django.shortcuts import render
from wagtail.documents import get_document_model
from wagtail.documents.views import serve as wagtail_serve

from sts_learn import caching, downloads
from sts_learn.privacy import visible_documents

LOCKED_TEMPLATE = "pages/courses/locked_document.html"

# What a PDF opened in the browser may do: show itself, nothing more. No script, no plugin, no
# request elsewhere; the viewer's own inline styles and data: images only.
INLINE_PDF_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; object-src 'none'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"
)


def locked_document(request, document):
    """The answer to a trainer-only file for whoever may not have it: a page that names the file
    (title and kind), says who may open it and how to ask; never its bytes. Forbidden, and kept
    by nobody: who asks decides what is answered."""
    response = render(
        request,
        LOCKED_TEMPLATE,
        {"document": document, "next": request.get_full_path()},
        status=403,
    )
    return caching.restricted(response)


def _served(request, document_id, document_filename):
    """Wagtail's view (its before_serve_document hooks: private collections, the files of hidden
    modules), with the Cache-Control of its answer: a private collection's file is never stored."""
    response = wagtail_serve.serve(request, document_id, document_filename)
    if response.status_code != 200:
        return response
    documents = get_document_model().objects.filter(pk=document_id)
    if visible_documents(documents, None).exists():
        return caching.private(response)
    return caching.restricted(response)


@downloads.limited
def serve_document(request, document_id, document_filename):
    """A document for whoever may have it, as an attachment."""
    return _served(request, document_id, document_filename)


@downloads.limited
def serve_document_inline(request, document_id, document_filename):
    """A PDF to read in the browser, checked exactly as its download is; any other format is
    answered as its download (an attachment)."""
    response = _served(request, document_id, document_filename)
    disposition = response.get("Content-Disposition", "")
    if (
        response.status_code == 200
        and response.get("Content-Type") == "application/pdf"
        and disposition.startswith("attachment")
    ):
        response["Content-Disposition"] = "inline" + disposition[len("attachment") :]
        response["Content-Security-Policy"] = INLINE_PDF_POLICY
        response["X-Content-Type-Options"] = "nosniff"
    return response

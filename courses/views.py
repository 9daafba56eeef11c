"""Document downloads: Wagtail's view (collection privacy checked) with cache headers and slots."""

from wagtail.documents import get_document_model
from wagtail.documents.views import serve as wagtail_serve

from sts_learn import caching, downloads
from sts_learn.privacy import visible_documents


@downloads.limited
def serve_document(request, document_id, document_filename):
    """A document for whoever may have it; one in a private collection is never stored."""
    response = wagtail_serve.serve(request, document_id, document_filename)
    if response.status_code != 200:
        return response
    documents = get_document_model().objects.filter(pk=document_id)
    if visible_documents(documents, None).exists():
        return caching.private(response)
    return caching.restricted(response)

"""Background work on documents: reading the text inside an uploaded file for site search."""

from django_tasks import task

from courses.models import CourseDocument


@task()
def extract_document_text(document_id):
    """Read and store the text of a document's file; returns its text status (None if gone)."""
    document = CourseDocument.objects.filter(pk=document_id).first()
    if document is None:
        return None
    return document.read_text()

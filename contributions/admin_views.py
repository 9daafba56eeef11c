"""The private file of a shared resource, for editors who may review submissions."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from wagtail.admin.auth import permission_denied

from contributions.models import SharedResource
from contributions.uploads import safe_file_name
from sts_learn import caching, downloads

REVIEW_PERMISSIONS = ("contributions.change_sharedresource", "contributions.view_sharedresource")


def may_review(user):
    return any(user.has_perm(permission) for permission in REVIEW_PERMISSIONS)


@downloads.limited
def download_upload(request, pk):
    """Always an attachment of no particular type, never cached: the file is unchecked content."""
    if not may_review(request.user):
        return permission_denied(request)
    resource = get_object_or_404(SharedResource, pk=pk)
    if not resource.upload:
        raise Http404("This submission has no file.")
    try:
        handle = resource.upload.open("rb")
    except OSError as error:
        raise Http404("The file is missing from storage.") from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=safe_file_name(resource.upload_name or resource.upload.name),
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return caching.restricted(response)

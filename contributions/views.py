"""The public "Share a resource" form, its thank-you page and its answer to too many postings."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from contributions import throttling
from contributions.forms import ShareResourceForm
from sts_learn import caching

FORM_TEMPLATE = "pages/contributions/share_resource.html"


def too_large_message():
    megabytes = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE // (1024 * 1024)
    return (
        f"The file is larger than {megabytes} MB, the most the library accepts, so nothing was "
        "saved. Share a link to it instead, or a smaller file."
    )


@require_http_methods(["GET", "HEAD", "POST"])
def share_resource(request):
    """The form (it carries a CSRF token, so nobody stores it); a bad posting gets it back, 400."""
    if request.method != "POST":
        return caching.restricted(render(request, FORM_TEMPLATE, {"form": ShareResourceForm()}))
    allowed, retry_after = throttling.may_post(request)
    if not allowed:
        response = render(
            request,
            "pages/contributions/too_many.html",
            {"limit": throttling.SUBMISSIONS_PER_HOUR, "minutes": retry_after // 60 + 1},
            status=429,
        )
        response["Retry-After"] = str(retry_after)
        return caching.restricted(response)
    form = ShareResourceForm(request.POST, request.FILES)
    if getattr(request, "upload_too_large", False):
        form.errors.pop("link", None)  # "a link or a file": the file was given, too large
        form.add_error("upload", too_large_message())
        return caching.restricted(render(request, FORM_TEMPLATE, {"form": form}, status=413))
    if form.is_bot():
        throttling.record_submission(request)
        return redirect("contributions:thanks")
    if not form.is_valid():
        return caching.restricted(render(request, FORM_TEMPLATE, {"form": form}, status=400))
    form.save()
    throttling.record_submission(request)
    return redirect("contributions:thanks")


def thanks(request):
    return caching.private(render(request, "pages/contributions/thanks.html"))

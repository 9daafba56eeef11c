"""What every page type of the site shares."""

from wagtail.models import Page, PageViewRestriction

from sts_learn.privacy import is_restricted


class SitePage(Page):
    """The base of every page type: privacy checks that reuse the request's own reading.

    `home.views.serve_page` hands each page it serves the request it serves it for; Wagtail's
    restriction check then needs no query of its own when the request's privacy reading (one
    query, made anyway for the page's lists) shows no restriction on the page or above it.
    """

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        request = getattr(self, "_served_for", None)
        if request is not None and not is_restricted(self, request):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

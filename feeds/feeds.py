"""/feeds/materials/: an Atom feed of new and updated modules, slides and handouts."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from feeds.entries import latest_entries
from sts_learn.public_urls import public_url


class MaterialsFeed(Feed):
    """The latest public materials; the same for everyone who asks (a feed reader has no
    session)."""

    feed_type = Atom1Feed
    title = "STS Learn: new and updated materials"
    subtitle = (
        "Modules, slides and handouts on secondary traumatic stress, as they are published or "
        "updated."
    )
    author_name = settings.WAGTAIL_SITE_NAME

    # Every address in the feed is the site's configured one, never the request's Host: the feed
    # is shared by caches (sts_learn.public_urls).
    def link(self):
        return public_url("/")

    def feed_url(self):
        return public_url(reverse("materials_feed"))

    def get_object(self, request, *args, **kwargs):
        return request

    def feed_guid(self, request):
        return public_url(reverse("materials_feed"))

    def items(self, request):
        return latest_entries(request)

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return public_url(entry.url)

    def item_guid(self, entry):
        return entry.api_url

    def item_description(self, entry):
        return entry.summary

    def item_updateddate(self, entry):
        return entry.updated

    def item_pubdate(self, entry):
        return entry.published

    def item_categories(self, entry):
        return [entry.kind]

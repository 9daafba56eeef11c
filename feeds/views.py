"""Feed views: the same answer for everyone, so a shared cache may keep it for a minute."""

from feeds.feeds import MaterialsFeed
from sts_learn import caching

# The frontend cache purges pages, not the feed: an unpublished or restricted module leaves
# the cached feed within this time.
CACHE_SECONDS = 60

_materials_feed = MaterialsFeed()


def materials_feed(request):
    return caching.shared(_materials_feed(request), CACHE_SECONDS)

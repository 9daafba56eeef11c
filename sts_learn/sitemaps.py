"""The sitemap lists what an anonymous visitor may see, by the same rules as every other list."""

from wagtail.contrib.sitemaps import Sitemap

from sts_learn.privacy import visible_pages


class VisibleSitemap(Sitemap):
    def items(self):
        return visible_pages(super().items(), None)

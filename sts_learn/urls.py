from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as document_views

from courses import views as course_views
from search import views as search_views
from sts_learn import brand_views, caching
from sts_learn.sitemaps import VisibleSitemap
from sts_learn.throttling import throttled_password_view
from sts_learn.views import healthz, image_rendition


def shared_sitemap(request, **kwargs):
    """The sitemap lists what anonymous visitors may see: the same for everyone."""
    return caching.shared(sitemap(request, **kwargs))


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document views, with cache headers and download slots; passwords throttled.
    path(
        "documents/<int:document_id>/<str:document_filename>",
        course_views.serve_document,
        name="wagtaildocs_serve",
    ),
    # A PDF opened in the browser (the same checks); the file name stays the last segment.
    path(
        "documents/<int:document_id>/view/<str:document_filename>",
        course_views.serve_document_inline,
        name="wagtaildocs_serve_inline",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        throttled_password_view(
            document_views.authenticate_with_password, "document", "restriction_id"
        ),
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttled_password_view(
            wagtail_views.authenticate_with_password, "page", "page_view_restriction_id"
        ),
        name="wagtailcore_authenticate_with_password",
    ),
    path("search/", search_views.search, name="search"),
    path("kits/", include("kits.urls")),
    path("healthz/", healthz, name="healthz"),
    path("site.webmanifest", brand_views.web_manifest, name="web_manifest"),
    path("favicon.ico", brand_views.favicon, name="favicon"),
    # Local media: image renditions only (never documents, never original uploads).
    path("media/images/<path:path>", image_rendition, name="image_rendition"),
    path("sitemap.xml", shared_sitemap, {"sitemaps": {"wagtail": VisibleSitemap}}, name="sitemap"),
    # Open data: what anyone may see, as JSON (Wagtail's API v2) and as an Atom feed.
    path("api/v2/", include("api.urls")),
    path("feeds/", include("feeds.urls")),
    # Sign in and out on the public site, and asking for trainer access.
    path("", include("accounts.urls")),
    # Practitioners and researchers propose a resource for the library.
    path("share-a-resource/", include("contributions.urls")),
    path("", include(wagtail_urls)),
]

"""/api/v2/: the read-only open data API (pages and documents anyone may see)."""

from wagtail.api.v2.router import WagtailAPIRouter

from api.views import PublicDocumentsAPIViewSet, PublicPagesAPIViewSet

router = WagtailAPIRouter("wagtailapi_v2")
router.register_endpoint("pages", PublicPagesAPIViewSet)
router.register_endpoint("documents", PublicDocumentsAPIViewSet)

urlpatterns = router.get_urlpatterns()
app_name = "wagtailapi_v2"

"""Admin listings of what people send from the public site."""

from wagtail.admin.viewsets.model import ModelViewSet


class SubmissionsViewSet(ModelViewSet):
    """Rows that only the public site's forms create: editors read and answer them in the admin,
    never add them (no "Add" button, no add view)."""

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, **kwargs})

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]

from django.apps import AppConfig


class ApiConfig(AppConfig):
    """Open data: Wagtail's API v2 over what anyone may see (pages and documents), read-only."""

    name = "api"
    verbose_name = "Open data API"

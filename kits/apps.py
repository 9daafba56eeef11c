from django.apps import AppConfig


class KitsConfig(AppConfig):
    """Session kits: modules and agenda items timed into a session, downloaded as one ZIP."""

    name = "kits"
    verbose_name = "Session kits"

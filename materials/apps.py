from django.apps import AppConfig


class MaterialsConfig(AppConfig):
    """Printables and decks: every PDF and slide deck the site makes from module content."""

    name = "materials"
    verbose_name = "Printable materials"

    def ready(self):
        from materials import signal_handlers  # connects to Wagtail's signals once models exist

        signal_handlers.connect()

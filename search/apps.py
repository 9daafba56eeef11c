from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Site search"

    def ready(self):
        from search import signal_handlers  # connects to Wagtail's signals once models exist

        signal_handlers.connect()

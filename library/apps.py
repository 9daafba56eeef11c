from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = "Handout library"

    def ready(self):
        from library import signal_handlers  # connects once the models exist

        signal_handlers.connect()

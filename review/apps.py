from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = "Evidence review"

    def ready(self):
        from review import signal_handlers  # connects once the models exist

        signal_handlers.connect()

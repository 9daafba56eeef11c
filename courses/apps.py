from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses and documents"

    def ready(self):
        # Both need the models: imported once the app registry is ready.
        from courses import signal_handlers
        from sts_learn import purging

        # Module pages show references; course lists show audiences; documents, their modules.
        purging.purge_site_when_saved("courses.Reference", "courses.Audience")
        signal_handlers.connect()

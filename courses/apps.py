from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses and documents"

    def ready(self):
        from sts_learn import purging  # needs the models: imported once the app registry is ready

        # Module pages show references and documents; course lists show audiences.
        purging.purge_site_when_saved(
            "courses.Reference", "courses.Audience", "courses.CourseDocument"
        )

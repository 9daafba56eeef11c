from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Consortium pages"

    def ready(self):
        from sts_learn import purging  # needs the models: imported once the app registry is ready

        purging.connect()
        purging.purge_site_when_saved("home.SiteSettings")

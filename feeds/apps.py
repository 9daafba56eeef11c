from django.apps import AppConfig


class FeedsConfig(AppConfig):
    """Feeds for people who follow the site in a feed reader: new and updated materials."""

    name = "feeds"
    verbose_name = "Feeds"

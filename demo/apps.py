from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The consortium's own pages, the demo courses and the demo accounts (load_demo_content)."""

    name = "demo"
    verbose_name = "Demo content"

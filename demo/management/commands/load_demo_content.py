from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import DEMO_ACCOUNTS, DemoLoader


class Command(BaseCommand):
    help = (
        "Load the consortium's pages (home, domains, about, terms), the demo courses and the "
        "demo accounts. "
        "Safe to run again: it only creates what is missing and never overwrites edits."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--consortium-pages",
            action="store_true",
            help="Under production settings, load the consortium's pages (never demo accounts).",
        )

    def handle(self, *args, consortium_pages=False, **options):
        demo_allowed = getattr(settings, "DEMO_CONTENT_ALLOWED", False)
        if not demo_allowed and not consortium_pages:
            raise CommandError(
                "These are production settings: demo accounts are never created here. "
                "To start a real deployment from the consortium's pages, run "
                "`manage.py load_demo_content --consortium-pages`."
            )
        loader = DemoLoader(log=self.stdout.write)
        loader.load_site(courses=demo_allowed)
        password = None
        if demo_allowed:
            password = loader.load_accounts(settings.DEMO_PASSWORD or None)
        if loader.created == 0:
            self.stdout.write("Demo content already loaded: nothing to do.")
            return
        self.stdout.write(self.style.SUCCESS(f"Loaded {loader.created} new items."))
        if password:
            source = "DEMO_PASSWORD" if settings.DEMO_PASSWORD else "generated; shown only now"
            self.stdout.write(f"Demo accounts ({source}): password {password}")
            for username, _group, purpose in DEMO_ACCOUNTS:
                self.stdout.write(f"  {username:<10} {purpose}")

from django.core.management.base import BaseCommand

from search.indexing import rebuild_index


class Command(BaseCommand):
    help = (
        "Write site search's index again: every live page and every document, with the current "
        "synonyms. Run it after restoring a database or importing content outside the admin."
    )

    def handle(self, *args, **options):
        pages, documents = rebuild_index()
        self.stdout.write(f"Indexed {pages} pages and {documents} documents.")

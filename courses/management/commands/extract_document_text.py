from collections import Counter

from django.core.management.base import BaseCommand

from courses.models import CourseDocument, TextStatus

OUTCOMES = {
    TextStatus.EXTRACTED: "with text",
    TextStatus.NO_TEXT: "without readable text",
    TextStatus.NOT_APPLICABLE: "in a format that is not read",
    None: "replaced or deleted while being read",
}


class Command(BaseCommand):
    help = (
        "Read the text inside documents' files (PDF, Word, PowerPoint) so that site search finds "
        "them by their words: --missing for those never read (e.g. uploaded before text was "
        "read), --all to read every document again."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="Read every document again.")
        which.add_argument(
            "--missing", action="store_true", help="Read only documents still waiting to be read."
        )

    def handle(self, *args, all=False, missing=False, **options):
        documents = CourseDocument.objects.order_by("pk")
        if missing:
            documents = documents.filter(text_status=TextStatus.PENDING)
        counts = Counter()
        for pk in documents.values_list("pk", flat=True):
            document = CourseDocument.objects.filter(pk=pk).first()
            if document is not None:
                counts[document.read_text()] += 1
        read = sum(counts.values())
        summary = "".join(
            f"\n  {counts[outcome]} {label}"
            for outcome, label in OUTCOMES.items()
            if counts[outcome]
        )
        self.stdout.write(
            self.style.SUCCESS(f"Read {read} document{'' if read == 1 else 's'}.") + summary
        )

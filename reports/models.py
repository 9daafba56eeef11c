"""How often files and session kits are downloaded, a day at a time, with nothing about who.

One row counts one thing on one day: a document, or a kit known only by its modules' ids. No
user, address, session, browser or title typed by a visitor is ever stored.
"""

from django.conf import settings
from django.db import models

# A kit holds at most 40 items; 40 ids of up to ten digits, comma-separated, fit.
KIT_KEY_LENGTH = 440
KIT_LABEL_LENGTH = 255
REPORTS_PERMISSION = "reports.view_content_reports"


class DownloadCount(models.Model):
    day = models.DateField(help_text="The day the downloads were started (the site's time zone).")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The file downloaded, for a row counting a file.",
    )
    # NULL, not "", on a row counting a document: the unique constraint counts kits only.
    kit = models.CharField(  # noqa: DJ001
        max_length=KIT_KEY_LENGTH,
        null=True,
        blank=True,
        help_text="The kit's modules as their ids in increasing order (e.g. “12,15,40”), for a "
        "row counting a session kit; the kit's own title is never stored.",
    )
    kit_label = models.CharField(
        max_length=KIT_LABEL_LENGTH,
        blank=True,
        help_text="The titles of the kit's modules, as they were at its last download.",
    )
    count = models.PositiveIntegerField(default=0, help_text="Downloads started that day.")

    class Meta:
        verbose_name = "download count"
        verbose_name_plural = "download counts"
        permissions = [("view_content_reports", "Can see the content reports")]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "document"],
                condition=models.Q(document__isnull=False),
                name="one_count_a_document_a_day",
            ),
            models.UniqueConstraint(
                fields=["day", "kit"],
                condition=models.Q(kit__isnull=False),
                name="one_count_a_kit_a_day",
            ),
            models.CheckConstraint(
                condition=models.Q(document__isnull=False, kit__isnull=True)
                | models.Q(document__isnull=True, kit__isnull=False),
                name="counts_a_document_or_a_kit",
            ),
        ]
        indexes = [models.Index(fields=["day"], name="download_count_day")]

    def __str__(self):
        return f"{self.kit_label or self.document_id} on {self.day}: {self.count}"

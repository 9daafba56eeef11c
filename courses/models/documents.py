"""The custom document model: slides, handouts and guides with the metadata trainers rely on."""

import os
import re

from django.conf import global_settings, settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from courses.extraction import read_pdf

# What a file claims to be must match how it starts (a renamed executable is not a PDF).
OFFICE_ZIP_EXTENSIONS = {"pptx", "docx", "xlsx", "odt", "odp", "ods", "epub"}
OLE_EXTENSIONS = {"ppt", "doc", "xls"}
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An extension that is safe to repeat in an error message. Wagtail's multiple uploader inserts the
# message into the page as HTML, so a name like "notes.<img onerror=…>" must not be echoed.
PLAIN_EXTENSION = re.compile(r"[a-z0-9]*")


class DocumentKind(models.TextChoices):
    SLIDES = "slides", "Slides"
    HANDOUT = "handout", "Handout"
    FACILITATOR_GUIDE = "guide", "Facilitator guide"
    WORKSHEET = "worksheet", "Worksheet"
    EVALUATION = "evaluation", "Evaluation form"
    OTHER = "other", "Other"


class Licence(models.TextChoices):
    ALL_RIGHTS_RESERVED = "all-rights-reserved", "All rights reserved (used with permission)"
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    CC_BY_NC_SA = "cc-by-nc-sa-4.0", "CC BY-NC-SA 4.0"
    CC_BY_NC_ND = "cc-by-nc-nd-4.0", "CC BY-NC-ND 4.0"
    PUBLIC_DOMAIN = "public-domain", "Public domain"
    FREE_WITH_ATTRIBUTION = "free-with-attribution", "Free to use with attribution (own terms)"


def content_mismatch(extension, head):
    """Why the first bytes of a file contradict its extension, or None when they agree."""
    if extension == "pdf" and not head.startswith(b"%PDF-"):
        return "This file is named .pdf but is not a PDF."
    if extension in OFFICE_ZIP_EXTENSIONS and not head.startswith(ZIP_MAGIC):
        return f"This file is named .{extension} but is not a valid .{extension} file."
    if extension in OLE_EXTENSIONS and not head.startswith(OLE_MAGIC):
        return f"This file is named .{extension} but is not a valid .{extension} file."
    return None


def unlisted_extension_message():
    """The refusal of a file whose extension is not allowed, without repeating the extension."""
    allowed = ", ".join(settings.WAGTAILDOCS_EXTENSIONS)
    return f"Files with this extension cannot be uploaded. Allowed extensions are: {allowed}."


class CourseDocument(AbstractDocument):
    """A document in the library; slides and handouts of modules are documents of this model."""

    kind = models.CharField(
        max_length=20,
        choices=DocumentKind.choices,
        default=DocumentKind.HANDOUT,
        help_text="What this file is for. Slides and handouts are offered in session kits.",
    )
    description = models.TextField(
        max_length=1000,
        blank=True,
        help_text="What the file contains and how to use it, in one or two sentences; shown "
        "next to the download link.",
    )
    audiences = models.ManyToManyField(
        "courses.Audience",
        blank=True,
        related_name="documents",
        help_text="Who this file is written for.",
    )
    language = models.CharField(
        max_length=10,
        choices=global_settings.LANGUAGES,
        default="en",
        help_text="The language the file is written in.",
    )
    licence = models.CharField(
        max_length=30,
        choices=Licence.choices,
        default=Licence.ALL_RIGHTS_RESERVED,
        help_text="The terms under which trainers may use and share this file.",
    )
    attribution = models.TextField(
        max_length=1000,
        blank=True,
        help_text="The credit line that must accompany the file, e.g. “Adapted from the ProQOL "
        "(ProQOL.org)”.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When an editor last checked the content against current evidence.",
    )
    page_count = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Number of pages or slides; filled in automatically for PDFs when left empty.",
    )
    extracted_text = models.TextField(
        blank=True,
        editable=False,
        help_text="Text extracted from the file so that site search finds it.",
    )
    generated_for = models.ForeignKey(
        "courses.ModulePage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="generated_documents",
        help_text="The module whose content this file is printed from; it is made again each "
        "time the module is published.",
    )
    generated_key = models.CharField(
        max_length=80,
        blank=True,
        editable=False,
        help_text="Which of the module's generated files this is (its slides or a handout).",
    )
    generated_revision = models.PositiveIntegerField(
        null=True, blank=True, editable=False, help_text="The module revision it was made from."
    )
    generated_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the file was last generated."
    )

    admin_form_fields = (
        *Document.admin_form_fields,
        "kind",
        "description",
        "audiences",
        "language",
        "licence",
        "attribution",
        "last_reviewed",
        "page_count",
    )

    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description"),
        index.SearchField("extracted_text"),
        index.FilterField("kind"),
        index.FilterField("language"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"
        constraints = [
            models.UniqueConstraint(
                fields=["generated_for", "generated_key"],
                condition=models.Q(generated_for__isnull=False),
                name="one_generated_file_per_key",
            )
        ]

    @property
    def is_generated(self):
        return self.generated_for_id is not None

    @property
    def extension(self):
        return os.path.splitext(self.file.name)[1].lstrip(".").lower()

    def clean(self):
        if not self.file:
            # No file yet: the form's required file field reports a missing one, and Wagtail's
            # multiple uploader attaches the file after validation, once it has passed these
            # checks at upload time (CreateFromUploadView's form has no file field to report on).
            return
        try:
            super().clean()
        except ValidationError:
            if PLAIN_EXTENSION.fullmatch(self.extension):
                raise
            raise ValidationError({"file": unlisted_extension_message()}) from None
        if getattr(self.file, "_committed", True):
            return
        upload = self.file.file
        position = upload.tell()
        upload.seek(0)
        head = upload.read(8)
        upload.seek(position)
        problem = content_mismatch(self.extension, head)
        if problem:
            raise ValidationError({"file": problem})

    @property
    def format_label(self):
        """The file's format as visitors know it, e.g. "PDF" or "PPTX"."""
        return self.extension.upper()

    def save(self, *args, **kwargs):
        if self.file and (self._state.adding or not getattr(self.file, "_committed", True)):
            # A new file (the multiple uploader stores it before the first save): record what
            # listings show, so they never open the file to find out.
            self.file_size = self.file.size
            self._set_file_hash()
            if self.extension == "pdf":
                page_count, self.extracted_text = read_pdf(self.file.file)
                if self.page_count is None:
                    self.page_count = page_count
        super().save(*args, **kwargs)

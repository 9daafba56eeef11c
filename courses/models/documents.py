"""The custom document model: slides, handouts and guides with the metadata trainers rely on."""

import os
import re

from django.conf import global_settings, settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from courses.extraction import READABLE_EXTENSIONS, extract_text
from home.models.pictures import PictureFields

# What a file claims to be must match how it starts (a renamed executable is not a PDF).
OFFICE_ZIP_EXTENSIONS = {"pptx", "docx", "xlsx", "odt", "odp", "ods", "epub"}
OLE_EXTENSIONS = {"ppt", "doc", "xls"}
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An extension that is safe to repeat in an error message. Wagtail's multiple uploader inserts the
# message into the page as HTML, so a name like "notes.<img onerror=…>" must not be echoed.
PLAIN_EXTENSION = re.compile(r"[a-z0-9]*")
# What saving a new file sets, without opening it (its text is read in the background).
NEW_FILE_FIELDS = ("file_size", "file_hash", "extracted_text", "text_status", "text_extracted_at")


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


class TextStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be read"
    EXTRACTED = "extracted", "Text found: site search finds the file by its words"
    NO_TEXT = "no text", "No text could be read (empty, damaged, protected or refused)"
    NOT_APPLICABLE = "not applicable", "Not read: only PDF, Word and PowerPoint files are"


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


class CourseDocument(PictureFields, AbstractDocument):
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
        help_text="Number of pages or slides; filled in automatically for PDFs and PowerPoint "
        "decks when left empty.",
    )
    extracted_text = models.TextField(
        blank=True,
        editable=False,
        help_text="Text extracted from the file so that site search finds it.",
    )
    text_status = models.CharField(
        max_length=20,
        choices=TextStatus.choices,
        default=TextStatus.PENDING,
        editable=False,
        help_text="Whether the text inside the file has been read for site search; it is read "
        "in the background after each upload or replacement of the file.",
    )
    text_extracted_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the text inside the file was last read.",
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
        "image",
        "image_alt",
        "image_decorative",
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
        self.validate_picture()
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
        new_file = bool(self.file) and (
            self._state.adding or not getattr(self.file, "_committed", True)
        )
        if new_file:
            # A new file (the multiple uploader stores it before the first save): record what
            # listings show, so they never open the file to find out. Its text is read later.
            self.file_size = self.file.size
            self._set_file_hash()
            self.extracted_text = ""
            self.text_extracted_at = None
            self.text_status = (
                TextStatus.PENDING
                if self.extension in READABLE_EXTENSIONS
                else TextStatus.NOT_APPLICABLE
            )
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], *NEW_FILE_FIELDS}
        super().save(*args, **kwargs)
        if new_file and self.text_status == TextStatus.PENDING:
            from courses.tasks import extract_document_text

            pk = self.pk
            # robust: a queue that cannot be reached is logged; the upload has succeeded.
            transaction.on_commit(lambda: extract_document_text.enqueue(pk), robust=True)

    def read_text(self):
        """Read the text inside the file now and store it (the background task calls this).

        Only the text fields, and the page count when the editor left it empty, are saved, so
        saving does not ask for another reading.
        """
        file_name = self.file.name
        result = extract_text(self.file, self.extension)
        if not type(self).objects.filter(pk=self.pk, file=file_name).exists():
            return None  # replaced (or deleted) meanwhile: the new file's own task reads it
        self.extracted_text = result.text
        if self.extension not in READABLE_EXTENSIONS:
            self.text_status = TextStatus.NOT_APPLICABLE
        else:
            self.text_status = TextStatus.EXTRACTED if result.text else TextStatus.NO_TEXT
        self.text_extracted_at = timezone.now()
        fields = ["extracted_text", "text_status", "text_extracted_at"]
        if self.page_count is None and result.page_count is not None:
            self.page_count = result.page_count
            fields.append("page_count")
        self.save(update_fields=fields)
        return self.text_status

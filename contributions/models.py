"""What practitioners and researchers propose for the consortium's library."""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models, transaction

from contributions.uploads import private_upload_path

WEB_SCHEMES = ["http", "https"]


class Status(models.TextChoices):
    NEW = "new", "New"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class SharedResource(models.Model):
    """A resource proposed through "Share a resource", waiting for an editor or reviewed."""

    title = models.CharField(max_length=200, help_text="The resource's title, as submitted.")
    link = models.URLField(
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=WEB_SCHEMES)],
        help_text="Where the resource is online (http or https only).",
    )
    upload = models.FileField(
        upload_to=private_upload_path,
        blank=True,
        max_length=255,
        help_text="The submitted file. Kept private: editors download it from this page; it is "
        "copied into Course materials only when the submission is accepted.",
    )
    upload_name = models.CharField(
        max_length=255,
        blank=True,
        help_text="The file's name on the submitter's computer (the stored name is random).",
    )
    description = models.TextField(
        max_length=1000,
        help_text="What the resource is and who it helps, in the submitter's words.",
    )
    audiences = models.ManyToManyField(
        "courses.Audience",
        blank=True,
        related_name="shared_resources",
        help_text="Who the submitter says the resource is for.",
    )
    domain = models.ForeignKey(
        "home.DomainPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shared_resources",
        help_text="The domain of work the submitter chose, if any.",
    )
    submitter_name = models.CharField(max_length=120, help_text="Who shared the resource.")
    submitter_email = models.EmailField(help_text="How to reach the submitter about it.")
    relation = models.CharField(
        max_length=200,
        blank=True,
        help_text="How the submitter relates to the resource (author, user, publisher…).",
    )
    rights_confirmed = models.BooleanField(
        default=False,
        help_text="The submitter confirmed they may share the resource with the consortium.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.NEW,
        db_index=True,
        help_text="Accepting a submission with a file adds it to Course materials (once). "
        "Declining keeps the file private; a document already made from it stays in Documents.",
    )
    editor_notes = models.TextField(
        blank=True, help_text="For editors only: why it was accepted or declined, what to check."
    )
    created_at = models.DateTimeField(
        auto_now_add=True, db_index=True, help_text="When the resource was shared."
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The editor who last changed the status.",
    )
    reviewed_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the status was last changed."
    )
    document = models.OneToOneField(
        "courses.CourseDocument",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="shared_resource",
        help_text="The document made from the file when the submission was accepted.",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "shared resource"
        verbose_name_plural = "shared resources"

    def __str__(self):
        return self.title

    def delete(self, *args, **kwargs):
        """Deleting a submission deletes its private file too, once the deletion is committed."""
        storage, name = self.upload.storage, self.upload.name
        result = super().delete(*args, **kwargs)
        if name:
            transaction.on_commit(lambda: storage.delete(name))
        return result

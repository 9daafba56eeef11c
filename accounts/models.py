"""A request for trainer access, kept until an editor answers it."""

from django.conf import settings
from django.db import models


class AccessRequest(models.Model):
    """Someone asks for trainer access. No account is made from it: an editor answers by hand."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    name = models.CharField(max_length=150, help_text="The requester's name, as they gave it.")
    email = models.EmailField(
        max_length=254, help_text="Where to reply: the address the requester gave."
    )
    organisation = models.CharField(
        max_length=200, help_text="The organisation the requester works for."
    )
    role = models.CharField(
        "job role",
        max_length=150,
        help_text="The requester's job role, e.g. clinical supervisor or trainer.",
    )
    reason = models.TextField(
        max_length=2000,
        help_text="Why the requester asks for trainer access, in their words.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.NEW,
        help_text=(
            "New until answered. Approving does not create an account: add or invite the "
            "person under Settings › Users and put them in the Trainers group."
        ),
    )
    reply = models.TextField(
        "reply and notes",
        blank=True,
        max_length=4000,
        help_text="What was answered to the requester and any notes for other editors.",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the request was sent.")
    answered_at = models.DateTimeField(
        null=True, blank=True, help_text="When an editor first approved or declined it."
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The editor who approved or declined it.",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "access request"
        verbose_name_plural = "access requests"

    def __str__(self):
        return f"{self.name} ({self.organisation})"

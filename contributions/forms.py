"""The public "Share a resource" form and the editors' review form."""

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents.fields import WagtailDocumentField

from contributions import review
from contributions.models import WEB_SCHEMES, SharedResource, Status
from contributions.uploads import check_upload, safe_file_name
from courses.models import Audience, DocumentKind
from home.models import DomainPage

NEITHER_LINK_NOR_FILE = "Give a link to the resource or choose a file to upload (or both)."
HONEYPOT = "website"


class ShareResourceForm(forms.ModelForm):
    """What a visitor fills in. Nothing is stored unless every check passes."""

    link = forms.URLField(
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=WEB_SCHEMES)],
        label="Link",
        help_text="The address of the resource online, starting with https:// or http://.",
        error_messages={"invalid": "Enter a web address starting with https:// or http://."},
    )
    audiences = forms.ModelMultipleChoiceField(
        queryset=Audience.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Who is it for?",
        help_text="Choose any that apply, or none if you are not sure.",
    )
    domain = forms.ModelChoiceField(
        queryset=DomainPage.objects.live().order_by("path"),
        required=False,
        empty_label="Not sure",
        label="Domain",
        help_text="The consortium's area of work it belongs to.",
    )
    rights_confirmed = forms.BooleanField(
        required=True,
        label="I may share this resource with the STS Consortium, and it may publish it in its "
        "library with credit to its authors.",
        error_messages={
            "required": "Please confirm that you may share this resource with the consortium."
        },
    )
    # A field people never see (hidden by the stylesheet); automated submissions fill it in.
    website = forms.CharField(required=False, label="Leave this empty")

    class Meta:
        model = SharedResource
        fields = [
            "title",
            "link",
            "upload",
            "description",
            "audiences",
            "domain",
            "submitter_name",
            "submitter_email",
            "relation",
            "rights_confirmed",
        ]
        labels = {
            "title": "Title",
            "description": "Description",
            "submitter_name": "Your name",
            "submitter_email": "Your email address",
            "relation": "How do you relate to it?",
        }
        help_texts = {
            "title": "The resource's title as it appears on it.",
            "description": "What it is, who it helps and how, in a few sentences.",
            "submitter_name": "So that editors can credit or thank you.",
            "submitter_email": "Editors write only to ask about this resource or to say what "
            "they decided. It is never published.",
            "relation": "For example: author, publisher, trainer who uses it.",
        }
        error_messages = {
            "title": {"required": "Enter the resource's title."},
            "description": {"required": "Describe the resource in a few sentences."},
            "submitter_name": {"required": "Enter your name."},
            "submitter_email": {
                "required": "Enter your email address.",
                "invalid": "Enter an email address like name@example.org.",
            },
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "submitter_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "submitter_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Made here, not on the class: the document size limit is read when the field is made.
        upload = WagtailDocumentField(required=False, label="File")
        allowed = ", ".join(settings.WAGTAILDOCS_EXTENSIONS)
        upload.help_text = f"{upload.help_text} Allowed: {allowed}."
        self.fields["upload"] = upload
        self.order_fields(self.Meta.fields)

    def is_bot(self):
        """True when the hidden field was filled in: answered as a success, never stored."""
        return bool(self.data.get(self.add_prefix(HONEYPOT), "").strip())

    def clean_upload(self):
        uploaded = self.cleaned_data.get("upload")
        if uploaded:
            check_upload(uploaded)
        return uploaded

    def clean(self):
        cleaned = super().clean()
        has_link = bool(cleaned.get("link"))
        has_file = bool(cleaned.get("upload"))
        if (
            not (has_link or has_file)
            and not self.has_error("link")
            and not self.has_error("upload")
        ):
            self.add_error("link", NEITHER_LINK_NOR_FILE)
        return cleaned

    def save(self, commit=True):
        resource = super().save(commit=False)
        uploaded = self.cleaned_data.get("upload")
        resource.upload_name = safe_file_name(uploaded.name) if uploaded else ""
        if commit:
            with transaction.atomic():
                resource.save()
                self.save_m2m()
        return resource


class ReviewForm(WagtailAdminModelForm):
    """The editor's decision. Accepting a submission with a file adds it to Course materials."""

    document_kind = forms.ChoiceField(
        choices=DocumentKind.choices,
        initial=DocumentKind.HANDOUT,
        label="Kind of document, when accepted",
        help_text="What the file becomes in Course materials when you accept it (only the "
        "first acceptance makes a document).",
    )

    def clean(self):
        cleaned = super().clean()
        resource = self.instance
        status = cleaned.get("status")
        if resource.document_id and status and status != Status.ACCEPTED:
            self.add_error(
                "status",
                f"This resource is in the handout library as “{resource.document.title}”. "
                "To withdraw it, delete that document or move it to another collection under "
                "Documents first; then change this status.",
            )
        if (
            status == Status.ACCEPTED
            and not resource.document_id
            and resource.upload
            and not resource.upload.storage.exists(resource.upload.name)
        ):
            self.add_error(
                "status",
                "The submitted file is missing from storage, so it cannot be added to the "
                "library. Decline the submission, or ask the person to share it again.",
            )
        return cleaned

    def save(self, commit=True):
        resource = super().save(commit=False)
        if not commit:
            return resource
        fields = ["status", "editor_notes"]
        if "status" in self.changed_data:
            resource.reviewed_by = self.for_user
            resource.reviewed_at = timezone.now()
            fields += ["reviewed_by", "reviewed_at"]
        with transaction.atomic():
            # Saved field by field after taking the row: never writes back a stale `document`.
            SharedResource.objects.select_for_update().filter(pk=resource.pk).first()
            resource.save(update_fields=fields)
            if resource.status == Status.ACCEPTED:
                review.accept(resource, self.cleaned_data["document_kind"], self.for_user)
        return resource

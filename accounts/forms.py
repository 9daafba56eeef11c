"""The public forms of the accounts app."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from accounts.models import AccessRequest


class SignInForm(AuthenticationForm):
    """Django's sign-in form; one message for every failure, naming no account."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "That username and password did not match. Check them and try again "
            "(passwords are case-sensitive)."
        ),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(autocomplete="username")
        self.fields["password"].widget.attrs.update(autocomplete="current-password")


class AccessRequestForm(forms.ModelForm):
    """Asking for trainer access. `website` is a trap for robots: people never see it."""

    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = AccessRequest
        fields = ["name", "email", "organisation", "role", "reason"]
        labels = {
            "name": "Your name",
            "email": "Email address",
            "organisation": "Organisation",
            "role": "Your job role",
            "reason": "Why you would like trainer access",
        }
        help_texts = {
            "name": "",
            "email": "We reply to this address.",
            "organisation": "Where you work or train, e.g. a hospital, agency or university.",
            "role": "For example: clinical supervisor, trauma-informed-care trainer, HR lead.",
            "reason": "What you plan to deliver and to whom (up to 2,000 characters).",
        }
        error_messages = {
            "name": {"required": "Enter your name."},
            "email": {
                "required": "Enter your email address.",
                "invalid": "Enter an email address like name@example.org.",
            },
            "organisation": {"required": "Enter your organisation."},
            "role": {"required": "Enter your job role."},
            "reason": {"required": "Tell us why you would like trainer access."},
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "reason": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    @property
    def is_from_a_robot(self):
        return bool(self.cleaned_data.get("website"))

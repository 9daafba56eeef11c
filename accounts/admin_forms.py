"""The editor's answer to an access request."""

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import AccessRequest


class AnswerForm(WagtailAdminModelForm):
    """Records who first approved or declined a request, and when."""

    def save(self, commit=True):
        answer = super().save(commit=False)
        answered = answer.status != AccessRequest.Status.NEW
        if answered and answer.answered_at is None:
            answer.answered_at = timezone.now()
            answer.answered_by = self.for_user
        if commit:
            answer.save()
        return answer

"""Admin forms of course pages."""

from wagtail.admin.forms import WagtailAdminPageForm

PUBLISH_REQUIREMENTS = {
    "learning_objectives": "Add at least one learning objective before publishing: trainers plan "
    "their sessions around them.",
    "duration_minutes": "Give the module's duration in minutes before publishing: the course and "
    "session agendas are timed from it.",
}


class ModulePageForm(WagtailAdminPageForm):
    """Drafts may be incomplete; publishing (or submitting for review) needs the essentials."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:  # saving a draft
            return cleaned_data
        for name, message in PUBLISH_REQUIREMENTS.items():
            if name in self.fields and not cleaned_data.get(name) and name not in self.errors:
                self.add_error(name, message)
        return cleaned_data

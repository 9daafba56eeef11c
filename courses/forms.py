"""Admin forms of course pages."""

from wagtail.admin.forms import WagtailAdminPageForm

PUBLISH_REQUIREMENTS = {
    "learning_objectives": "Add at least one learning objective before publishing: trainers plan "
    "their sessions around them.",
    "duration_minutes": "Give the module's duration in minutes before publishing: the course and "
    "session agendas are timed from it.",
}


def _missing(name, value):
    """A duration of 0 is present (and refused by its bounds); an empty list is missing."""
    return value is None if name == "duration_minutes" else not value


class ModulePageForm(WagtailAdminPageForm):
    """Drafts may be incomplete; publishing (or submitting for review) needs the essentials."""

    @staticmethod
    def missing_essentials(page):
        """Why `page` may not be published yet (empty when it may), for checks outside forms."""
        return [
            message
            for name, message in PUBLISH_REQUIREMENTS.items()
            if _missing(name, getattr(page, name))
        ]

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:  # saving a draft
            return cleaned_data
        for name, message in PUBLISH_REQUIREMENTS.items():
            if (
                name in self.fields
                and _missing(name, cleaned_data.get(name))
                and (name not in self.errors)
            ):
                self.add_error(name, message)
        return cleaned_data

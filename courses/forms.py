"""Admin forms of course pages."""

from wagtail.admin.forms import WagtailAdminPageForm

PUBLISH_REQUIREMENTS = {
    "learning_objectives": "Add at least one learning objective before publishing: trainers plan "
    "their sessions around them.",
    "duration_minutes": "Give the module's duration in minutes before publishing: the course and "
    "session agendas are timed from it.",
}


def activities_overrun(duration, activities):
    """Why activities of `activities` minutes do not fit a module of `duration`, or ""."""
    planned = sum((block.value["minutes"] or 0) for block in activities or [])
    if duration is None or planned <= duration:
        return ""
    return (
        f"The activities add up to {planned} minutes, more than the module's {duration}: "
        "shorten them or lengthen the module before publishing, so that agendas and the "
        "facilitator guide's run of show stay true."
    )


def _missing(name, value):
    """A duration of 0 is present (and refused by its bounds); an empty list is missing."""
    return value is None if name == "duration_minutes" else not value


class ModulePageForm(WagtailAdminPageForm):
    """Drafts may be incomplete; publishing (or submitting for review) needs the essentials."""

    @staticmethod
    def missing_essentials(page):
        """Why `page` may not be published yet (empty when it may), for checks outside forms."""
        problems = [
            message
            for name, message in PUBLISH_REQUIREMENTS.items()
            if _missing(name, getattr(page, name))
        ]
        if overrun := activities_overrun(page.duration_minutes, page.activities):
            problems.append(overrun)
        return problems

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
        if "activities" in self.fields and "activities" not in self.errors:
            overrun = activities_overrun(
                cleaned_data.get("duration_minutes"), cleaned_data.get("activities")
            )
            if overrun:
                self.add_error("activities", overrun)
        return cleaned_data

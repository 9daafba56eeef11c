"""The site's rich text editor: Wagtail's Draftail, where a malformed value is a form error.

Draftail posts its content as JSON, which Wagtail converts to HTML while reading the form. A value
that is not what Draftail sends (not JSON, not an object, missing or mistyped parts, nested
too deep) made that conversion raise, and the editor got a server error. Registered as the
default editor (WAGTAILADMIN_RICH_TEXT_EDITORS), this widget serves RichTextField and
RichTextBlock alike.
"""

from django.core.exceptions import ValidationError
from draftjs_exporter.error import ExporterException
from wagtail.admin.rich_text import DraftailRichTextArea

UNREADABLE = (
    "This text arrived damaged and could not be read, so nothing was saved. "
    "Please enter it again."
)

# What Wagtail's contentstate converter (json.loads, then draftjs_exporter) raises on bad input.
CONVERSION_ERRORS = (
    ValueError,  # not JSON, among others
    TypeError,
    AttributeError,
    KeyError,
    IndexError,
    RecursionError,  # nested too deep
    ExporterException,  # e.g. a link to an entity that is not there
)


class UnreadableRichText:
    """Stands for a posted value the converter could not read, instead of its HTML.

    The form field of a RichTextField or a RichTextBlock is a CharField, and it first turns the
    value into text (CharField.to_python calls str()); this value refuses, with the error the
    editor sees next to the field. So the form is invalid and nothing is saved.
    """

    def __str__(self):
        raise ValidationError(UNREADABLE, code="unreadable_rich_text")


class CheckedDraftailRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except CONVERSION_ERRORS:
            return UnreadableRichText()

    def format_value(self, value):
        """The form shown again after an unreadable value has an empty editor."""
        if isinstance(value, UnreadableRichText):
            value = None
        return super().format_value(value)

"""A picture with its alt text: the image field courses, domains and handouts share.

An image is only as useful as what it says to someone who cannot see it. Choosing one asks for
its alt text, unless the editor says it is decorative (then pages give it an empty alt, and
screen readers pass over it).
"""

from django.core.exceptions import ValidationError
from django.db import models
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api.utils import get_full_url

ALT_REQUIRED = (
    "Describe what the picture shows for someone who cannot see it, or tick “Decorative” "
    "if it adds nothing to the text."
)


class PictureFields(models.Model):
    """An optional image, its alt text and whether it is only decoration."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="An optional picture shown with this item in lists and on its page.",
    )
    image_alt = models.CharField(
        "alt text",
        max_length=250,
        blank=True,
        help_text="What the picture shows, for someone who cannot see it, in a sentence "
        "(e.g. “A calm line rising out of a jagged one”). Not its file name, not “image of”. "
        "Leave empty only if you tick “Decorative”.",
    )
    image_decorative = models.BooleanField(
        "decorative",
        default=False,
        help_text="Tick if the picture is only decoration and says nothing the text does not: "
        "screen readers then skip it.",
    )

    class Meta:
        abstract = True

    @property
    def picture_alt(self):
        """The alt text pages give the image: empty when it is decorative."""
        return "" if self.image_decorative else self.image_alt.strip()

    def validate_picture(self):
        """A chosen image needs its alt text, or the decorative box ticked."""
        if self.image_id and not self.image_decorative and not self.image_alt.strip():
            raise ValidationError({"image_alt": ALT_REQUIRED})


def picture_panel():
    """The editor's panel for the picture: the image, then its alt text."""
    return MultiFieldPanel(
        [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("image_decorative")],
        heading="Picture",
        help_text="An optional picture. If you choose one, say what it shows (its alt text) "
        "or tick “Decorative”.",
    )


class PictureAPIField(serializers.Field):
    """The picture in the open data API: a rendition's address and size, and its alt text."""

    def __init__(self, spec="width-640|preserve-svg", **kwargs):
        self.spec = spec
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, item):
        if not item.image_id:
            return None
        rendition = item.image.get_rendition(self.spec)
        return {
            "url": get_full_url(self.context.get("request"), rendition.url),
            "width": int(rendition.width),
            "height": int(rendition.height),
            "alt": item.picture_alt,
            "decorative": item.image_decorative,
        }

"""The one StreamField block set shared by the consortium's content pages."""

from wagtail import blocks

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3"]


class HeadingBlock(blocks.CharBlock):
    """A section heading (h2); sub-headings go inside paragraphs as h3."""

    class Meta:
        icon = "title"
        form_classname = "title"
        template = "components/blocks/heading.html"


class CalloutBlock(blocks.StructBlock):
    """A boxed note that must not be missed (a content warning, a key point)."""

    title = blocks.CharBlock(max_length=120, help_text="A short title, e.g. “Before you start”.")
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        template = "components/blocks/callout.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The quoted words, without quotation marks.")
    source = blocks.CharBlock(required=False, help_text="Who said or wrote it, and where.")

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, icon="pilcrow")
    callout = CalloutBlock()
    quote = QuoteBlock()


class VisitorPathBlock(blocks.StructBlock):
    """A "start here" card: where one kind of visitor should go first."""

    audience = blocks.CharBlock(
        max_length=60, help_text="Who this is for, e.g. “Trainers” or “HR leaders”."
    )
    text = blocks.TextBlock(help_text="One or two sentences on what they will find.")
    link_page = blocks.PageChooserBlock(
        required=False, help_text="The page to send them to. Leave empty to use the address below."
    )
    link_url = blocks.CharBlock(
        required=False,
        max_length=255,
        help_text="An address on this site (e.g. /admin/) when the target is not a page.",
    )
    link_text = blocks.CharBlock(
        max_length=60, help_text="The words of the link, e.g. “Browse courses”."
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("link_page") and not value.get("link_url"):
            raise blocks.StructBlockValidationError(
                {"link_page": blocks.BlockValidationError("Choose a page or give an address.")}
            )
        return value

    class Meta:
        icon = "user"
        template = "components/blocks/visitor_path.html"

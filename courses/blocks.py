"""StreamField blocks of courses and modules."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class ObjectiveBlock(blocks.CharBlock):
    """One learning objective: what a participant can do by the end."""

    def __init__(self, **kwargs):
        super().__init__(
            max_length=300,
            help_text="Start with a verb, e.g. “Describe three signs of secondary traumatic "
            "stress”.",
            **kwargs,
        )

    class Meta:
        icon = "tick"


class KeyMessageBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(
            max_length=300, help_text="One sentence a trainer must get across.", **kwargs
        )

    class Meta:
        icon = "openquote"


class SupplyBlock(blocks.StructBlock):
    """Something to bring for an activity, counted for the session's group size."""

    item = blocks.CharBlock(max_length=120, help_text="e.g. “Sticky notes (pad)” or “Markers”.")
    amount = blocks.IntegerBlock(min_value=1, max_value=100, default=1, help_text="How many.")
    per = blocks.ChoiceBlock(
        choices=[
            ("participant", "per participant"),
            ("group", "per small group (about five people)"),
            ("session", "for the whole session"),
        ],
        default="participant",
        help_text="What the amount counts: the facilitator guide multiplies it out for the "
        "group size of the session.",
    )

    class Meta:
        icon = "list-ul"
        label = "Supply"


class ActivityBlock(blocks.StructBlock):
    """A timed exercise of a module, as a trainer runs it."""

    title = blocks.CharBlock(max_length=120, help_text="e.g. “Pair discussion: what helps?”")
    minutes = blocks.IntegerBlock(
        min_value=1, max_value=240, help_text="How long the activity takes, in minutes."
    )
    steps = blocks.ListBlock(
        blocks.CharBlock(max_length=200),
        required=False,
        default=[],
        help_text="What participants see on the activity's slide: two to four short steps, "
        "addressed to them (“In pairs, list…”). Timings and your own instructions go below.",
    )
    instructions = blocks.TextBlock(
        help_text="What the trainer says and does, step by step. Goes into the slide's speaker "
        "notes and the facilitator guide."
    )
    debrief = blocks.TextBlock(
        required=False,
        help_text="Questions to close the activity with; they go into the speaker notes.",
    )
    supplies = blocks.ListBlock(
        SupplyBlock(),
        required=False,
        default=[],
        help_text="What to bring, with how many: the facilitator guide's materials list adds "
        "them up for the session's group size. Handouts are counted on their own.",
    )
    materials = blocks.TextBlock(
        required=False,
        help_text="Anything else to prepare, in words (e.g. how to set up the room).",
    )

    class Meta:
        icon = "group"
        label = "Activity"


class WritingSpaceBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(max_length=200, help_text="e.g. “People at work I can talk to”.")
    lines = blocks.IntegerBlock(
        min_value=1, max_value=20, default=3, help_text="Lines to write on, about 9 mm each."
    )

    class Meta:
        icon = "edit"
        label = "Writing space"


class FormTableBlock(blocks.StructBlock):
    """A table to fill in: column headings and row labels, the cells left empty."""

    columns = blocks.ListBlock(
        blocks.CharBlock(max_length=60), help_text="Column headings, e.g. Action, Owner, Start."
    )
    rows = blocks.ListBlock(
        blocks.CharBlock(max_length=60, required=False),
        help_text="One entry per row to fill in: a label for its first cell (e.g. “1”), or "
        "empty.",
    )

    class Meta:
        icon = "table"
        label = "Table to fill in"


class HandoutBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(max_length=120, icon="title", help_text="A section heading.")
    paragraph = blocks.TextBlock(icon="pilcrow", help_text="A paragraph of plain text.")
    bullets = blocks.ListBlock(
        blocks.CharBlock(max_length=400), icon="list-ul", help_text="A bulleted list."
    )
    checklist = blocks.ListBlock(
        blocks.CharBlock(max_length=400),
        icon="tick",
        help_text="Items printed with a box to tick.",
    )
    write = WritingSpaceBlock()
    form_table = FormTableBlock()


class HandoutBlock(blocks.StructBlock):
    """A handout written here: the site prints it as an accessible PDF whenever the module is
    published, so it always matches the module."""

    title = blocks.CharBlock(max_length=200, help_text="The handout's title, as printed.")
    description = blocks.TextBlock(
        max_length=600,
        help_text="What it is and how to use it, in a sentence; shown beside the download.",
    )
    kind = blocks.ChoiceBlock(
        choices=[("handout", "Handout"), ("worksheet", "Worksheet")],
        default="handout",
        help_text="A worksheet is filled in by participants.",
    )
    body = HandoutBodyBlock(help_text="The handout's content, top to bottom.")
    replacement = DocumentChooserBlock(
        required=False,
        help_text="Optional: a hand-made file (e.g. a designed PDF) to offer instead of the one "
        "generated from the text above.",
    )

    class Meta:
        icon = "doc-full"
        label = "Handout"

"""StreamField blocks of courses and modules."""

from wagtail import blocks


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


class ActivityBlock(blocks.StructBlock):
    """A timed exercise of a module, as a trainer runs it."""

    title = blocks.CharBlock(max_length=120, help_text="e.g. “Pair discussion: what helps?”")
    minutes = blocks.IntegerBlock(
        min_value=1, max_value=240, help_text="How long the activity takes, in minutes."
    )
    instructions = blocks.TextBlock(help_text="What the trainer says and does, step by step.")
    materials = blocks.TextBlock(
        required=False, help_text="What to prepare: handouts, flip chart, timer…"
    )

    class Meta:
        icon = "group"
        label = "Activity"

"""Template helpers of the printables."""

from django import template

register = template.Library()


@register.filter
def times(count):
    """range(count), for drawing so many writing lines or boxes."""
    try:
        return range(max(0, min(int(count), 40)))
    except (TypeError, ValueError):
        return range(0)


@register.filter
def clock(minutes, kit):
    """Minutes from the session's start as the kit shows times (a clock time or h:mm in)."""
    return kit.clock(minutes)

from django import template

register = template.Library()


@register.filter
def duration(minutes):
    """90 → "1 h 30 min"; 45 → "45 min"; 0 or None → "—"."""
    if not minutes:
        return "—"
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"

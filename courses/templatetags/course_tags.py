"""Courses and modules where other apps' pages show them (the home page, the domain pages).

The home app never imports the courses app: its templates load these tags instead.
"""

from django import template

from courses.models import CoursePage, ModulePage
from courses.models.pages import course_cards
from sts_learn.privacy import visible_pages

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


@register.simple_tag(takes_context=True)
def featured_course_cards(context, home_page):
    """Cards of the courses featured on the home page that this visitor may see, in order."""
    featured = CoursePage.objects.filter(featured_on__page=home_page).order_by(
        "featured_on__sort_order"
    )
    return course_cards(featured, context["request"])


@register.simple_tag(takes_context=True)
def domain_course_cards(context, domain):
    """Cards of the courses tagged with a domain that this visitor may see."""
    return course_cards(CoursePage.objects.filter(domains=domain), context["request"])


@register.simple_tag(takes_context=True)
def domain_modules(context, domain):
    """The modules tagged with a domain that this visitor may see, in tree order."""
    modules = visible_pages(ModulePage.objects.filter(domains=domain), context["request"])
    return list(
        modules.order_by("path").only("title", "url_path", "summary", "duration_minutes", "path")
    )

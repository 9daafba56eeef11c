"""Template helpers for the site chrome (navigation, breadcrumbs, the editor's user bar)."""

from django import template
from django.conf import settings
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's live, public children marked "show in menus", in tree order."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    return site.root_page.get_children().live().public().in_menu().order_by("path")


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The page's ancestors from the site's home page down, excluding the page itself."""
    site = Site.find_for_request(context["request"])
    if site is None or page.depth <= site.root_page.depth:
        return []
    return list(Page.objects.ancestor_of(page).filter(depth__gte=site.root_page.depth))


@register.filter
def is_in_section(page, nav_item):
    """True when page is nav_item or lies below it (for aria-current on the main navigation)."""
    if page is None or not hasattr(page, "path"):
        return False
    return page.path.startswith(nav_item.path)


@register.simple_tag(takes_context=True)
def may_be_signed_in(context):
    """True only when the visitor sends a session cookie.

    Reading request.user on every view would touch the session and add ``Vary: Cookie`` to
    anonymous responses; checking the cookie first keeps public pages cacheable.
    """
    request = context.get("request")
    return bool(request and settings.SESSION_COOKIE_NAME in request.COOKIES)

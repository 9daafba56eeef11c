"""Template helpers for the site chrome (navigation, breadcrumbs, footer, the editor's user bar)."""

from django import template
from wagtail.models import Page, Site

from home.models import SiteSettings
from sts_learn.privacy import may_be_signed_in as has_session_cookie

register = template.Library()


def _site(request):
    return Site.find_for_request(request)


def _link(page):
    return {"pk": page.pk, "title": page.title, "path": page.path, "url": page.url}


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's live, public children marked "show in menus", in tree order."""
    site = _site(context["request"])
    if site is None:
        return []
    children = site.root_page.get_children().live().public().in_menu().order_by("path")
    return [_link(page) for page in children]


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """Links to the page's ancestors from the site's home page down, without the page itself."""
    site = _site(context["request"])
    if site is None or page.depth <= site.root_page.depth:
        return []
    ancestors = Page.objects.ancestor_of(page).filter(depth__gte=site.root_page.depth)
    return [_link(ancestor) for ancestor in ancestors]


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer's disclaimer, Terms link and contact address from the site settings."""
    request = context["request"]
    site = _site(request)
    if site is None:
        return {}
    settings = SiteSettings.for_request(request)
    terms = settings.terms_page
    return {
        "disclaimer": settings.footer_disclaimer,
        "terms": _link(terms) if terms and terms.live else None,
        "contact_email": settings.contact_email,
    }


@register.filter
def is_in_section(page, nav_item):
    """True when page is the navigation item or lies below it (for aria-current)."""
    if page is None or not hasattr(page, "path"):
        return False
    return page.path.startswith(nav_item["path"])


@register.simple_tag(takes_context=True)
def may_be_signed_in(context):
    """True only when the visitor sends a session cookie.

    Reading request.user on every view would touch the session and add ``Vary: Cookie`` to
    anonymous responses; checking the cookie first keeps public pages cacheable.
    """
    return has_session_cookie(context.get("request"))

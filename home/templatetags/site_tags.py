"""Template helpers for the site chrome (navigation, breadcrumbs, footer, the editor's user bar)."""

from django import template
from wagtail.models import Site

from home.models import SiteSettings, site_ancestors
from sts_learn.privacy import may_be_signed_in as has_session_cookie
from sts_learn.privacy import restricted_page_paths

register = template.Library()


def _site(request):
    return Site.find_for_request(request)


def _link(page, request):
    return {"pk": page.pk, "title": page.title, "path": page.path, "url": page.get_url(request)}


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's live children marked "show in menus" that anyone may see, in order."""
    request = context["request"]
    site = _site(request)
    if site is None:
        return []
    restricted = restricted_page_paths(request)
    children = site.root_page.get_children().live().in_menu().order_by("path")
    return [
        _link(page, request)
        for page in children.only("title", "path", "url_path")
        if not any(page.path.startswith(path) for path in restricted)
    ]


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """Links to the page's ancestors from the site's home page down, without the page itself."""
    request = context["request"]
    site = _site(request)
    if site is None or page.depth <= site.root_page.depth:
        return []
    return [_link(ancestor, request) for ancestor in site_ancestors(page, request)]


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
        "terms": _link(terms, request) if terms and terms.live else None,
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

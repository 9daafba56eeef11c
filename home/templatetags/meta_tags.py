"""The <head>'s identity: a page's title and description as social sites and search engines read
them (templates/components/social_meta.html), and the brand's colours in templates."""

from html import unescape

from django import template
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from sts_learn import brand
from sts_learn.public_urls import public_url

register = template.Library()

DESCRIPTION_CHARS = 200
SHARE_IMAGE = ("img/brand/share.png", 1200, 630)
# Fields a page type may describe itself with, after its search description.
DESCRIPTION_FIELDS = ("summary", "intro", "lead", "mission")


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Rendered (escaped) template output, whitespace squashed: safe as it stands.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


@register.tag
def capture(parser, token):
    """{% capture name %}…{% endcapture %}: the rendered contents (blocks too) as a variable."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("Usage: {% capture name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])


@register.simple_tag
def brand_colour(name):
    """A colour of static/css/tokens.css, e.g. {% brand_colour "brand" %} → #1d5562."""
    return brand.colour(name)


def page_description(page):
    """The page's own words about itself: its search description, else its summary or intro."""
    if page is None:
        return ""
    specific = getattr(page, "specific_deferred", page)
    for name in ("search_description", *DESCRIPTION_FIELDS):
        value = getattr(specific, name, None)
        # Rich text leaves entities (&amp;) after its tags go; the template escapes the text once.
        text = " ".join(unescape(strip_tags(str(value))).split()) if value else ""
        if text:
            return Truncator(text).chars(DESCRIPTION_CHARS)
    return ""


@register.simple_tag(name="public_url")
def public_url_tag(path):
    """{% public_url path %}: the site's configured address for a path (sts_learn.public_urls)."""
    return public_url(path)


@register.simple_tag(takes_context=True)
def social_meta(context, description="", url=""):
    """What the <head> says about this response: description, canonical URL, share image."""
    request = context.get("request")
    page = context.get("page")
    if not hasattr(page, "get_full_url"):
        page = None
    image, width, height = SHARE_IMAGE
    image_url = public_url(static(image))
    if not url and request is not None:
        # The address asked for, without its query (a routable page's sub-pages keep their path).
        url = public_url(request.path)
    return {
        "description": description or page_description(page) or brand.DESCRIPTION,
        "url": url,
        "site_name": brand.NAME,
        "image": image_url,
        "image_width": width,
        "image_height": height,
        "image_alt": f"{brand.NAME}: {brand.TAGLINE}",
    }

"""The identity: one set of colour tokens for the site, the PDFs and the slides; icons a browser
and a home screen find; what a shared link shows on social sites and in search results."""

import io
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image
from pptx import Presentation

from courses.models import CoursePage, ModulePage
from demo.loader import DemoLoader
from home.models import DomainPage, HomePage
from library.models import HandoutLibraryPage
from materials.module_deck import module_plan
from materials.pptx import pptx_bytes
from sts_learn import brand
from tests.courses.helpers import soup
from tests.home.factories import StandardPageFactory

TOKENS = Path(settings.BASE_DIR) / "static" / "css" / "tokens.css"

# Every test runs in its own savepoint, and with the database tests (before the browser tests,
# which flush the database when they end): the pages' head tests share `site_pages`.
pytestmark = pytest.mark.django_db

# What tokens.css's header comment promises: every text colour reaches WCAG AA (4.5:1) on these
# backgrounds, and white text reaches it on these (and on every --domain-* colour).
TEXT_COLOURS = ("ink", "ink-soft", "brand", "brand-dark", "accent", "error")
TEXT_BACKGROUNDS = ("paper", "surface", "brand-tint")
WHITE_TEXT_BACKGROUNDS = ("brand", "brand-dark")
# Colours that never carry text: lines, tints and the amber of focus rings and the mark's dot.
NOT_TEXT = ("line", "rule", "amber", "focus", "accent-tint", "warning-tint")


def colour_tokens():
    return [name for name, value in brand.tokens().items() if value.startswith("#")]


def test_the_tokens_file_is_read_once_into_names_and_values():
    assert brand.colour("brand") == "#1d5562"
    assert brand.rgb("brand") == (0x1D, 0x55, 0x62)
    assert brand.colour("amber") == "#ffbf47"
    assert brand.font() == "Atkinson Hyperlegible"
    assert brand.tokens()["measure"] == "44rem"
    assert brand.tokens() is brand.tokens()  # parsed once, cached
    for name in colour_tokens():
        assert re.fullmatch(r"#[0-9a-f]{6}", brand.colour(name)), name


def test_the_header_comment_names_the_pairs_this_test_checks():
    header = TOKENS.read_text().split("*/")[0]
    squashed = " ".join(header.split())
    assert "4.5:1) on --paper, --surface and --brand-tint" in squashed
    assert "white text reaches it on --brand, --brand-dark and each --domain-* colour" in squashed


def test_every_colour_token_is_known_to_be_text_a_background_or_neither():
    """A new colour in tokens.css has to be placed here, so its contrast is checked."""
    known = {*TEXT_COLOURS, *TEXT_BACKGROUNDS, *WHITE_TEXT_BACKGROUNDS, *NOT_TEXT}
    unknown = [
        name for name in colour_tokens() if name not in known and not name.startswith("domain-")
    ]
    assert unknown == []


@pytest.mark.parametrize("text", TEXT_COLOURS)
@pytest.mark.parametrize("background", TEXT_BACKGROUNDS)
def test_text_colours_reach_aa_contrast_on_the_light_backgrounds(text, background):
    assert brand.contrast(brand.colour(text), brand.colour(background)) >= 4.5


def test_white_text_reaches_aa_contrast_on_the_teal_and_every_domain_colour():
    domains = [name for name in colour_tokens() if name.startswith("domain-")]
    backgrounds = [*WHITE_TEXT_BACKGROUNDS, *domains]
    assert len(backgrounds) >= 6
    for background in backgrounds:
        assert brand.contrast("#ffffff", brand.colour(background)) >= 4.5, background


def test_contrast_is_computed_as_wcag_says():
    assert brand.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert brand.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


# The slide deck


@pytest.fixture
def deck(db):
    from tests.courses.factories import ModulePageFactory

    module = ModulePageFactory(
        title="Noticing secondary traumatic stress",
        key_messages=[("message", "It is a known risk of the work.")],
        learning_objectives=[("objective", "Name three signs.")],
    )
    return module_plan(module, [], course_title="A course")[0]


def test_every_colour_in_the_powerpoint_deck_is_a_token(deck):
    presentation = Presentation(io.BytesIO(pptx_bytes(deck)))
    used = set()
    for slide in presentation.slides:
        used.update(re.findall(r'srgbClr val="([0-9A-Fa-f]{6})"', slide.shapes._spTree.xml))
    tokens = {brand.colour(name)[1:].upper() for name in colour_tokens()}
    assert {brand.colour(name)[1:].upper() for name in ("brand", "amber", "ink")} <= used
    assert used <= tokens


def test_the_slide_module_repeats_no_colour_value():
    source = (Path(settings.BASE_DIR) / "materials" / "pptx.py").read_text()
    assert not re.search(r"#[0-9a-fA-F]{6}\b|0x[0-9a-fA-F]{2}", source)
    assert 'FONT = "Arial"' in source  # on every machine, so the text fits as laid out


def test_print_views_load_the_tokens_before_the_print_styles(client, deck):
    from django.template.loader import render_to_string

    html = render_to_string("print/slides.html", {"deck": deck})
    assert html.index("css/tokens.css") < html.index("css/print-base.css")
    print_base = (Path(settings.BASE_DIR) / "static" / "css" / "print-base.css").read_text()
    assert "--brand:" not in print_base and "--ink:" not in print_base


def test_an_html_file_that_carries_its_styles_carries_the_tokens_first():
    from materials.pdf import print_css

    css = print_css()
    assert css.index("--brand: #1d5562") < css.index("@page letter")


# Icons and the web app manifest


ICON_FILES = {
    "favicon.ico": None,
    "apple-touch-icon.png": (180, 180),
    "icon-192.png": (192, 192),
    "icon-512.png": (512, 512),
    "icon-maskable-512.png": (512, 512),
    "share.png": (1200, 630),
}


@pytest.mark.parametrize(("name", "size"), ICON_FILES.items())
def test_the_committed_icons_have_their_sizes(name, size):
    path = Path(settings.BASE_DIR) / "static" / "img" / "brand" / name
    image = Image.open(path)
    if size is None:
        assert image.info["sizes"] == {(16, 16), (32, 32), (48, 48)}
    else:
        assert image.size == size
    if name in ("apple-touch-icon.png", "icon-maskable-512.png"):
        assert image.mode == "RGB"  # no transparency: iOS and launchers would show black
    if name == "share.png":
        assert path.stat().st_size < 60_000


def test_the_manifest_names_the_site_and_its_icons_and_every_icon_loads(client, db):
    response = client.get("/site.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "STS Learn"
    assert manifest["short_name"]
    assert manifest["start_url"] == "/"
    assert manifest["display"] == "minimal-ui"
    assert manifest["theme_color"] == brand.colour("brand")
    assert manifest["background_color"] == brand.colour("paper")
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        loaded = client.get(icon["src"])
        assert loaded.status_code == 200, icon["src"]
        assert loaded["Content-Type"].startswith(icon["type"])


def test_favicon_ico_at_the_root_is_the_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200, "the icon itself, not a redirect to a hashed name"
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert Image.open(io.BytesIO(content)).format == "ICO"


# What each page says about itself in its <head>


@pytest.fixture(scope="module")
def site_pages(module_transaction):
    home = DemoLoader(log=lambda *args: None).load_site()
    return {
        "home": home.url,
        "domain": DomainPage.objects.live().first().url,
        "course": CoursePage.objects.live().first().url,
        "module": ModulePage.objects.live().first().url,
        "library": HandoutLibraryPage.objects.live().first().url,
    }


def head_of(response):
    head = soup(response).head
    meta = {
        tag.get("property") or tag.get("name"): tag.get("content")
        for tag in head.find_all("meta")
        if tag.get("property") or tag.get("name")
    }
    canonical = head.find("link", rel="canonical")
    return head.title.get_text().strip(), meta, canonical and canonical["href"]


PAGE_TYPES = ["home", "domain", "course", "module", "library"]
VIEWS = {
    "request access": "/request-access/",
    "share a resource": "/share-a-resource/",
}
# Views whose content depends on who asks or what they typed: described, never indexed.
UNINDEXED_VIEWS = {
    "search": "/search/?q=stress",
    "kit": "/kits/",
    "sign-in": "/sign-in/",
}


def check_head(response, url_path, indexed=True):
    title, meta, canonical = head_of(response)
    assert title and not title.startswith("·"), title
    assert title.endswith("STS Learn")
    assert meta["description"].strip()
    assert meta["og:title"].strip() and meta["og:title"] in title
    assert meta["og:description"] == meta["description"]
    assert meta["og:site_name"] == "STS Learn"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"].startswith("http://testserver/")
    assert meta["og:image"].endswith(".png")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"]
    assert meta["theme-color"] == brand.colour("brand")
    assert meta["og:url"] == f"http://testserver{url_path}"
    if indexed:
        assert canonical == meta["og:url"]
        assert "robots" not in meta
    else:
        assert canonical is None
        assert meta["robots"] == "noindex"
    return meta


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_has_a_title_a_description_and_a_share_card(client, site_pages, page_type):
    url = site_pages[page_type]
    response = client.get(url)
    assert response.status_code == 200
    check_head(response, url)


@pytest.mark.parametrize(("view", "url"), VIEWS.items())
def test_the_site_s_own_views_say_what_they_are(client, site_pages, view, url):
    response = client.get(url)
    assert response.status_code == 200
    meta = check_head(response, url.split("?")[0])
    assert meta["description"] != brand.DESCRIPTION, "each of these views describes itself"


@pytest.mark.parametrize(("view", "url"), UNINDEXED_VIEWS.items())
def test_search_sign_in_and_kits_are_described_but_not_indexed(client, site_pages, view, url):
    response = client.get(url)
    assert response.status_code == 200
    meta = check_head(response, url.split("?")[0], indexed=False)
    assert meta["description"] != brand.DESCRIPTION


def test_a_kit_s_share_card_opens_the_same_kit(client, site_pages):
    module = ModulePage.objects.live().first()
    response = client.get(f"/kits/?items=w10,{module.pk}&title=Team+day")
    _title, meta, canonical = head_of(response)
    assert meta["og:url"].startswith("http://testserver/kits/?")
    assert f"{module.pk}" in meta["og:url"] and "Team" in meta["og:url"]
    assert canonical is None


def test_no_host_header_reaches_the_addresses_a_cached_page_gives(client, site_pages):
    """Django accepts a known host on any port or with a trailing dot; the page must not echo it."""
    for host in ("testserver:6666", "TESTSERVER.", "testserver"):
        response = client.get(site_pages["course"], HTTP_HOST=host)
        assert response.status_code == 200, host
        _title, meta, canonical = head_of(response)
        assert canonical == f"http://testserver{site_pages['course']}", host
        assert meta["og:url"] == canonical
        assert meta["og:image"].startswith("http://testserver/static/"), host
        masthead = soup(response).select_one(".print-masthead__url").get_text()
        assert masthead == f"http://testserver{site_pages['course']}", host


def test_a_description_from_rich_text_is_escaped_once(client, site_pages):
    home = HomePage.objects.get(url_path="/home/")
    home.search_description = ""
    home.mission = "<p>Trainers &amp; HR leaders don&#x27;t work alone.</p>"
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert 'content="Trainers &amp; HR leaders don&#x27;t work alone."' in html
    _title, meta, _canonical = head_of(client.get("/"))
    assert meta["description"] == "Trainers & HR leaders don't work alone."


def test_a_page_without_a_description_of_its_own_gets_the_consortium_s(client, site_pages):
    page = StandardPageFactory(parent=HomePage.objects.get(url_path="/home/"), intro="")
    _title, meta, _canonical = head_of(client.get(page.url))
    assert meta["description"] == brand.DESCRIPTION


def test_a_module_is_described_by_its_summary(client, site_pages):
    module = ModulePage.objects.live().exclude(summary="").first()
    module.search_description = ""
    module.save_revision().publish()
    _title, meta, _canonical = head_of(client.get(module.url))
    assert meta["description"].startswith(module.summary[:60])


def test_the_not_found_page_has_a_title_and_description_but_asks_not_to_be_indexed(
    client, site_pages
):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    title, meta, canonical = head_of(response)
    assert title == "Page not found · STS Learn"
    assert meta["description"]
    assert meta["robots"] == "noindex"
    assert meta["og:image"].startswith("http://testserver/")
    assert canonical is None

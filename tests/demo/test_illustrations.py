"""The demo draws its own illustrations and gives every domain and demo course one, with alt
text; loading the demo again adds nothing."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.images.models import Image
from wagtail.models import Collection

from courses.models import CoursePage
from demo.courses import read_data
from demo.illustrations import DOMAIN_COLOURS, PAPER, all_illustrations
from demo.loader import DemoLoader
from home.models import DomainPage
from tests.courses.helpers import soup

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("picture", all_illustrations(), ids=lambda picture: picture.slug)
def test_each_illustration_is_a_small_titled_svg_in_the_palette(picture):
    assert len(picture.svg.encode()) < 4096
    root = ET.fromstring(picture.svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") and root.get("width") and root.get("height")
    assert root.find(f"{SVG}title").text == picture.title
    assert PAPER in picture.svg
    assert any(colour in picture.svg for colour in DOMAIN_COLOURS.values())
    assert "<script" not in picture.svg and "href" not in picture.svg
    assert len(picture.alt) > 30 and not picture.alt.lower().startswith(("image", "picture"))


def test_every_domain_and_demo_course_gets_a_picture_with_alt_text(client, demo_courses):
    domains = list(DomainPage.objects.all())
    courses = list(CoursePage.objects.filter(slug__in=[c["slug"] for c in read_data()["courses"]]))
    assert len(domains) == 4 and len(courses) == len(read_data()["courses"])
    for page in [*domains, *courses]:
        assert page.image is not None, page.slug
        assert page.image.collection == Collection.get_first_root_node()
        assert page.image.filename.endswith(".svg")
        assert page.picture_alt and not page.image_decorative
        [img] = soup(client.get(page.url)).select("main .with-picture img")
        assert img["alt"] == page.picture_alt
    alts = {page.picture_alt for page in [*domains, *courses]}
    assert len(alts) == len(domains) + len(courses), "each picture is described on its own"


def test_loading_the_demo_again_creates_no_image_twice(demo_courses):
    images = Image.objects.count()
    loader = DemoLoader(log=lambda *args: None)
    loader.load_site()
    assert loader.created == 0
    assert Image.objects.count() == images


def test_an_editors_own_picture_is_kept_when_the_demo_loads_again(demo_courses):
    science = DomainPage.objects.get(slug="science")
    science.image = Image.objects.exclude(pk=science.image_id).first()
    science.image_alt = "The editor's own description."
    science.save_revision().publish()
    DemoLoader(log=lambda *args: None).load_site()
    science.refresh_from_db()
    assert science.image_alt == "The editor's own description."

"""Pictures of courses and handouts: chosen with alt text, shown with srcset and sizes, never a
stage for an uploaded SVG's script."""

import re

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CourseDocument
from home.models.pictures import ALT_REQUIRED
from sts_learn.views import SVG_POLICY
from tests.courses.factories import CoursePageFactory, HandoutFactory
from tests.courses.helpers import soup
from tests.library.factories import HandoutLibraryPageFactory

ALT = "Two colleagues talking on a bench outside a clinic."


@pytest.fixture
def photo(db):
    return wagtail_factories.ImageFactory(
        title="Colleagues", file__width=1600, file__height=900, file__filename="colleagues.png"
    )


def course_form(course, **fields):
    return nested_form_data(
        {
            "title": course.title,
            "slug": course.slug,
            "summary": course.summary,
            "format": "online",
            "learning_objectives": streamfield([("objective", "Define STS.")]),
            "evidence_summary": rich_text("<p>Consensus guidelines.</p>"),
            "last_reviewed": "",
            "seo_title": "",
            "search_description": "",
            **fields,
        }
    )


def edit_course(client, course, **fields):
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    return client.post(url, course_form(course, **fields))


def newest(page):
    """The page as last saved from the editor."""
    return Revision.page_revisions.filter(object_id=str(page.pk)).latest("id").as_object()


def images_in_main(response):
    return soup(response).select("main img")


# --- Editing --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_chosen_image_without_alt_text_is_refused_with_a_message_on_the_alt_field(
    editor_client, photo
):
    course = CoursePageFactory()
    response = edit_course(editor_client, course, image=photo.pk, image_alt="  ")
    assert response.status_code == 200
    assert response.context["form"].errors["image_alt"] == [ALT_REQUIRED]
    assert "Describe what the picture shows for someone who cannot see it" in response.text
    assert not Revision.page_revisions.filter(object_id=str(course.pk)).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [{"image_alt": ALT}, {"image_alt": "", "image_decorative": "on"}],
    ids=["with-alt-text", "decorative"],
)
def test_an_image_with_alt_text_or_marked_decorative_is_saved(editor_client, photo, fields):
    course = CoursePageFactory()
    response = edit_course(editor_client, course, image=photo.pk, **fields)
    assert response.status_code == 302
    draft = newest(course)
    assert draft.image == photo
    assert draft.picture_alt == fields["image_alt"]


@pytest.mark.django_db
def test_the_course_form_offers_the_picture_after_the_summary(editor_client):
    course = CoursePageFactory()
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    html = response.text
    assert html.index('name="summary"') < html.index('name="image"') < html.index('name="format"')
    form = response.context["form"]
    assert "cannot see it" in form.fields["image_alt"].help_text
    assert "Decorative" in form.fields["image_alt"].help_text


@pytest.mark.django_db
def test_a_handout_with_a_picture_needs_its_alt_text_in_the_document_form(editor_client, photo):
    handout = HandoutFactory(title="Self-care plan")
    url = reverse("wagtaildocs:edit", args=[handout.pk])
    data = {
        "title": handout.title,
        "collection": handout.collection_id,
        "kind": handout.kind,
        "language": "en",
        "licence": handout.licence,
        "image": photo.pk,
        "image_alt": "",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["image_alt"] == [ALT_REQUIRED]
    assert CourseDocument.objects.get(pk=handout.pk).image is None

    response = editor_client.post(url, {**data, "image_alt": "A hand-drawn plan on a fridge."})
    assert response.status_code == 302
    handout.refresh_from_db()
    assert (handout.image, handout.picture_alt) == (photo, "A hand-drawn plan on a fridge.")


# --- Showing --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_course_page_shows_its_picture_beside_the_summary(client, photo):
    course = CoursePageFactory(image=photo, image_alt=ALT)
    response = client.get(course.url)
    [img] = images_in_main(response)
    assert img["alt"] == ALT
    assert (img["width"], img["height"]) == ("320", "180")
    widths = [candidate.split()[-1] for candidate in img["srcset"].split(", ")]
    assert widths == ["320w", "640w", "960w", "1280w"]
    assert img["sizes"]
    # Above the fold: loaded at once.
    assert img["loading"] == "eager"
    assert img.find_parent(class_="with-picture").select_one(".lead").text == course.summary


@pytest.mark.django_db
def test_a_course_card_shows_the_picture_lazily_with_its_alt_text(client, photo):
    course = CoursePageFactory(image=photo, image_alt=ALT)
    response = client.get(course.get_parent().url)
    [card] = soup(response).select(".card--course")
    [img] = card.select("img")
    assert img["alt"] == ALT
    assert img["width"] and img["height"] and "640w" in img["srcset"]
    assert (img["loading"], img["decoding"]) == ("lazy", "async")


@pytest.mark.django_db
def test_a_decorative_picture_has_an_empty_alt(client, photo):
    course = CoursePageFactory(image=photo, image_alt="Left over", image_decorative=True)
    [img] = images_in_main(client.get(course.url))
    assert img["alt"] == ""
    assert 'alt=""' in str(img)


@pytest.mark.django_db
def test_a_course_without_a_picture_shows_no_image(client):
    course = CoursePageFactory()
    assert images_in_main(client.get(course.url)) == []
    assert images_in_main(client.get(course.get_parent().url)) == []


@pytest.mark.django_db
def test_an_svg_stays_an_svg_with_whole_number_sizes(client):
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 160" width="1280" '
        b'height="640"><title>Waves</title><rect width="320" height="160" fill="#1d5562"/></svg>'
    )
    image = Image(title="Waves")
    image.file = ContentFile(svg, name="waves.svg")
    image._set_image_file_metadata()
    image.save()
    course = CoursePageFactory(image=image, image_alt="Teal waves.")
    [img] = images_in_main(client.get(course.url))
    assert img["src"].endswith(".svg")
    assert (img["width"], img["height"]) == ("320", "160")
    assert img["srcset"].endswith("1280w")


@pytest.mark.django_db
def test_the_library_shows_a_thumbnail_beside_a_handout_with_a_picture(client, photo):
    HandoutLibraryPageFactory()
    HandoutFactory(title="Self-care plan", image=photo, image_alt="A plan pinned to a fridge.")
    HandoutFactory(title="Team check-in")
    response = client.get("/handouts/")
    entries = {
        entry.select_one(".library-entry__title").text: entry
        for entry in soup(response).select(".library-entry")
    }
    [thumbnail] = entries["Self-care plan"].select("img")
    assert thumbnail["alt"] == "A plan pinned to a fridge."
    assert "96w" in thumbnail["srcset"] and thumbnail["width"] == "96"
    assert entries["Team check-in"].select("img") == []


# --- Serving --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_uploaded_svg_opened_directly_runs_in_a_sandbox(client):
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10">'
        b'<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
    )
    image = Image(title="Sneaky")
    image.file = ContentFile(svg, name="sneaky.svg")
    image._set_image_file_metadata()
    image.save()
    rendition = image.get_rendition("width-10|preserve-svg")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    policy = response["Content-Security-Policy"]
    assert policy == SVG_POLICY
    assert policy.startswith("sandbox;") and "default-src 'none'" in policy
    assert "script-src" not in policy  # no script source at all: default-src 'none' rules


@pytest.mark.django_db
def test_a_raster_rendition_keeps_the_sites_policy(client, photo):
    response = client.get(photo.get_rendition("width-320").url)
    assert "sandbox" not in response["Content-Security-Policy"]


# --- Open data ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_api_gives_a_courses_picture_with_its_alt_text(client, photo):
    with_picture = CoursePageFactory(title="Pictured", image=photo, image_alt=ALT)
    CoursePageFactory(title="Plain")
    response = client.get(
        "/api/v2/pages/", {"type": "courses.CoursePage", "fields": "image", "order": "title"}
    )
    items = {item["title"]: item for item in response.json()["items"]}
    picture = items["Pictured"]["image"]
    assert picture["alt"] == ALT and picture["decorative"] is False
    assert (picture["width"], picture["height"]) == (640, 360)
    assert re.match(r"http://localhost/media/images/colleagues\w*\.width-640\.", picture["url"])
    assert client.get(picture["url"].removeprefix("http://localhost")).status_code == 200
    assert items["Plain"]["image"] is None
    assert items["Pictured"]["id"] == with_picture.pk

"""Domain pages: a picture beside the lead, with alt text the editor must write."""

import pytest
import wagtail_factories
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models.pictures import ALT_REQUIRED
from tests.courses.helpers import soup
from tests.home.factories import DomainPageFactory


@pytest.fixture
def picture(db):
    return wagtail_factories.ImageFactory(
        title="Waves", file__width=800, file__height=800, file__filename="waves.png"
    )


def domain_form(domain, **fields):
    paragraph = ("paragraph", rich_text("<p>What the domain covers.</p>"))
    data = {"title": domain.title, "slug": domain.slug, "summary": domain.summary}
    return nested_form_data({**data, "body": streamfield([paragraph]), **fields})


def test_a_domain_picture_without_alt_text_is_refused(editor_client, demo_site, picture):
    domain = demo_site.get_children().get(slug="science").specific
    url = reverse("wagtailadmin_pages:edit", args=[domain.pk])
    response = editor_client.post(url, domain_form(domain, image=picture.pk, image_alt=""))
    assert response.status_code == 200
    assert response.context["form"].errors["image_alt"] == [ALT_REQUIRED]

    response = editor_client.post(
        url, domain_form(domain, image=picture.pk, image_alt="", image_decorative="on")
    )
    assert response.status_code == 302
    draft = Revision.page_revisions.filter(object_id=str(domain.pk)).latest("id").as_object()
    assert (draft.image, draft.picture_alt) == (picture, "")


def test_the_domain_form_offers_the_picture_after_the_summary(editor_client, demo_site):
    domain = demo_site.get_children().get(slug="practice")
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[domain.pk])).text
    body = html.index('id="panel-child-content-body-section"')
    assert html.index('name="summary"') < html.index('name="image"') < body


def test_a_domain_page_shows_its_picture_beside_the_lead(client, demo_site, picture):
    domain = DomainPageFactory(
        parent=demo_site, slug="waves", image=picture, image_alt="Teal waves calming into a line."
    )
    response = client.get(domain.url)
    [img] = soup(response).select("main img")
    assert img["alt"] == "Teal waves calming into a line."
    assert (img["width"], img["height"]) == ("320", "320")
    assert "640w" in img["srcset"] and img["sizes"]
    assert img.find_parent(class_="with-picture").select_one(".lead").text == domain.summary


def test_a_decorative_domain_picture_has_an_empty_alt(client, demo_site, picture):
    domain = DomainPageFactory(
        parent=demo_site, slug="calm", image=picture, image_alt="", image_decorative=True
    )
    [img] = soup(client.get(domain.url)).select("main img")
    assert img["alt"] == ""


def test_a_domain_without_a_picture_shows_no_image(client, demo_site):
    domain = DomainPageFactory(parent=demo_site, slug="plain")
    html = client.get(domain.url)
    assert soup(html).select("main img") == []
    assert soup(html).select(".with-picture") == []

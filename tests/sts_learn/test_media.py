"""Local media: image renditions are served; documents and original uploads never are."""

import pytest
import wagtail_factories

from tests.courses.factories import HandoutFactory


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(title="Team photo")


def test_an_image_rendition_is_served_for_pages_and_the_admin(client, image):
    rendition = image.get_rendition("max-165x165")
    response = client.get(rendition.url)
    assert rendition.url.startswith("/media/images/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert b"".join(response.streaming_content) == rendition.file.read()
    assert "public" in response["Cache-Control"]


def test_original_uploads_are_never_served(client, image):
    assert image.file.name.startswith("original_images/")
    assert client.get(f"/media/{image.file.name}").status_code == 404


@pytest.mark.django_db
def test_documents_are_never_served_as_media_files(client):
    handout = HandoutFactory()
    assert client.get(f"/media/{handout.file.name}").status_code == 404
    assert client.get(f"/media/images/../{handout.file.name}").status_code == 404
    assert client.get("/media/images/%2e%2e/%2e%2e/etc/passwd").status_code == 404

"""Pages leave gzipped to browsers that accept it; downloads are sent as they are."""

import gzip

import pytest

from tests.courses.factories import HandoutFactory
from tests.kits.helpers import body

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def test_a_page_is_gzipped_for_a_browser_that_accepts_it(client, demo_site):
    response = client.get("/", **GZIP)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    page = gzip.decompress(response.content).decode()
    assert "Turning provider distress into resiliency" in page
    # The compressed page is a fraction of the page.
    assert len(response.content) < len(page.encode()) / 2


def test_a_page_is_plain_for_a_client_that_asks_for_no_compression(client, demo_site):
    response = client.get("/")
    assert not response.has_header("Content-Encoding")
    assert "Turning provider distress into resiliency" in response.content.decode()


@pytest.mark.django_db
def test_a_download_is_sent_as_it_is_with_its_length(client):
    handout = HandoutFactory(title="Recognizing STS")
    response = client.get(handout.url, **GZIP)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "gzip" not in response.get("Content-Encoding", "")
    assert "Accept-Encoding" not in response.get("Vary", "")
    data = body(response)
    assert data.startswith(b"%PDF")
    assert int(response["Content-Length"]) == len(data)

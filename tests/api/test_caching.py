"""The API's answers are the same for everyone: a shared cache may keep them a minute, and they
set no cookie."""

import pytest

from tests.api.helpers import DOCUMENTS, PAGES, document_url, page_url


def urls(world):
    return [
        PAGES,
        f"{PAGES}?type=courses.ModulePage&fields=*",
        page_url(world["public"].pk),
        DOCUMENTS,
        document_url(world["handout"].pk),
    ]


def test_answers_are_public_for_a_minute_without_cookies(asker, world):
    for url in urls(world):
        response = asker.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", "")


@pytest.mark.parametrize("params", [{"limit": "ten"}, {"colour": "blue"}])
def test_refusals_are_not_shared(client, world, params):
    response = client.get(PAGES, params)
    assert response.status_code == 400
    assert response["Cache-Control"] == "private, no-cache"

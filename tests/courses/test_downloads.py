"""Slides and handouts download from a module page as files, whole and correctly typed."""

import pytest

from .factories import HandoutFactory, ModulePageFactory, SlidesFactory, pdf_bytes
from .helpers import get_ok, soup, squash

PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def download_links(client, module):
    page = soup(get_ok(client, module.url))
    return {
        squash(a.get_text()): a["href"] for a in page.select(".document-list a.document-list__link")
    }


def body(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def module(db):
    return ModulePageFactory(
        slides=[
            SlidesFactory(title="Deck (PowerPoint)"),
            SlidesFactory(title="Deck (PDF)", file__filename="deck.pdf", file__data=pdf_bytes(3)),
        ],
        handouts=[HandoutFactory(title="Recognizing STS")],
    )


def test_every_download_link_serves_its_file_as_an_attachment(client, module):
    documents = {d.title: d for d in module.materials(None)[0] + module.materials(None)[1]}
    links = download_links(client, module)
    assert set(links) == {"Deck (PowerPoint)", "Deck (PDF)", "Recognizing STS"}
    expected_types = {
        "Deck (PowerPoint)": PPTX_TYPE,
        "Deck (PDF)": "application/pdf",
        "Recognizing STS": "application/pdf",
    }
    for title, url in links.items():
        document = documents[title]
        assert url == document.url
        response = client.get(url)
        assert response.status_code == 200, title
        assert response["Content-Type"] == expected_types[title]
        assert response["Content-Disposition"] == f'attachment; filename="{document.filename}"'
        document.file.open("rb")
        with document.file:
            assert body(response) == document.file.read()


def test_download_of_a_generated_pdf_is_the_whole_pdf(client, module):
    url = download_links(client, module)["Deck (PDF)"]
    content = body(client.get(url))
    assert content.startswith(b"%PDF-")
    assert content.rstrip().endswith(b"%%EOF")
    assert content == pdf_bytes(3)


@pytest.mark.parametrize("wrong", ["wrong.pdf", "handout.pdf", "deck.pptx", ""])
def test_a_wrong_file_name_in_a_document_url_is_not_found(client, module, wrong):
    handout = module.materials(None)[1][0]
    assert client.get(f"/documents/{handout.pk}/{wrong}").status_code == 404
    assert client.get(f"/documents/{handout.pk}/{handout.filename}").status_code == 200


def test_an_unknown_document_is_not_found(client, module):
    handout = module.materials(None)[1][0]
    assert client.get(f"/documents/{handout.pk + 1000}/{handout.filename}").status_code == 404


def test_a_handout_may_serve_several_modules(client, db):
    shared = HandoutFactory(title="Checking in with a colleague")
    first = ModulePageFactory(handouts=[shared])
    second = ModulePageFactory(handouts=[HandoutFactory(title="Own handout"), shared])
    assert download_links(client, first) == {"Checking in with a colleague": shared.url}
    assert download_links(client, second) == {
        "Own handout": second.materials(None)[1][0].url,
        "Checking in with a colleague": shared.url,
    }
    assert client.get(shared.url).status_code == 200

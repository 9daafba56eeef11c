"""/api/v2/documents/: files anyone may download, with their metadata, whoever asks."""

import pytest

from tests.api.helpers import DOCUMENTS, document_url, get_json, titles

HIDDEN_DOCUMENTS = ["answer_sheet", "supervisor_notes", "restricted_slides"]


def test_lists_the_public_documents_only(asker, world):
    """Not a file in a private collection or below one, nor the slides of a trainer-only
    module (which sit in the public collection)."""
    listing = get_json(asker, DOCUMENTS)
    assert [item["title"] for item in listing["items"]] == ["Public slides", "Public handout"]
    assert listing["meta"]["total_count"] == 2


@pytest.mark.parametrize("hidden", HIDDEN_DOCUMENTS)
def test_a_hidden_document_is_not_found_like_a_missing_one(asker, world, hidden):
    missing = get_json(asker, document_url(999_999), status=404)
    assert get_json(asker, document_url(world[hidden].pk), status=404) == missing


def test_search_and_filters_find_no_hidden_document(asker, world):
    assert titles(asker, DOCUMENTS, search="trainer") == []
    assert titles(asker, DOCUMENTS, search="handout") == ["Public handout"]
    assert titles(asker, DOCUMENTS, kind="slides") == ["Public slides"]
    assert titles(asker, DOCUMENTS, id=world["answer_sheet"].pk) == []


def test_document_fields(asker, world):
    handout = world["handout"]
    document = get_json(asker, document_url(handout.pk))
    assert document["meta"]["download_url"] == f"http://localhost{handout.url}"
    assert document["title"] == "Public handout"
    assert (document["kind"], document["kind_label"]) == ("handout", "Handout")
    assert document["description"] == "A one-page summary of warning signs."
    assert (document["licence"], document["licence_label"]) == ("cc-by-4.0", "CC BY 4.0")
    assert document["language"] == "en"
    assert document["last_reviewed"] == "2026-01-15"
    assert (document["page_count"], document["format"]) == (2, "PDF")
    assert document["file_size"] == handout.file_size > 0
    assert document["updated_at"] == document["created_at"]


def test_the_extracted_text_is_not_offered(asker, world):
    assert "extracted_text" not in get_json(asker, DOCUMENTS, fields="*")["items"][0]
    refused = get_json(asker, DOCUMENTS, status=400, fields="extracted_text")
    assert refused == {"message": "unknown fields: extracted_text"}

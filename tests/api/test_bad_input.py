"""Whatever a partner sends, a mistake gets a 400 with a message saying what is wrong, never a
500."""

import pytest

from tests.api.helpers import DOCUMENTS, PAGES, get_json

BAD_PAGE_QUERIES = [
    ({"colour": "blue"}, "query parameter is not an operation or a recognised field: colour"),
    ({"fields": "nothing"}, "unknown fields: nothing"),
    ({"fields": "title("}, "fields error: unexpected end of input"),
    ({"limit": "ten"}, "limit must be a positive integer"),
    ({"limit": "-1"}, "limit must be a positive integer"),
    ({"limit": "100000"}, "limit cannot be higher than 20"),
    ({"offset": "-1"}, "offset must be a positive integer"),
    ({"offset": "1e3"}, "offset must be a positive integer"),
    ({"type": "nonexistent.Model"}, "type doesn't exist"),
    ({"type": "wagtailcore.Site"}, "type doesn't exist"),
    ({"order": "colour"}, "cannot order by 'colour' (unknown field)"),
    ({"order": "random", "offset": "1"}, "random ordering with offset is not supported"),
    ({"child_of": "first"}, "child_of must be a positive integer"),
    ({"type": "courses.CoursePage", "last_reviewed": "2026-02-31"}, "is not a valid value"),
    ({"type": "courses.ModulePage", "duration_minutes": "long"}, "is not a valid value"),
    # Relations and StreamFields are not filters (a domain may be hidden; blocks are JSON).
    ({"type": "courses.ModulePage", "domains": "1"}, "not an operation or a recognised field"),
    ({"type": "courses.ModulePage", "key_messages": "x"}, "not an operation or a recognised"),
    ({"first_published_at": "yesterday"}, "is not a valid value for first_published_at"),
    ({"title": "a\x00b"}, "null characters are not allowed for title"),
    ({"search": "stress", "search_operator": "maybe"}, "search_operator must be 'and' or 'or'"),
    ({"search": "s" * 201}, "search must be at most 200 characters"),
    ({"rich_text_format": "pdf"}, "rich_text_format must be one of"),
    ({"format": "xml"}, "format must be json"),
    ({"site": "localhost:http"}, "expected a number"),
]

BAD_DOCUMENT_QUERIES = [
    ({"extracted_text": "x"}, "not an operation or a recognised field: extracted_text"),
    ({"collection": "1"}, "not an operation or a recognised field: collection"),
    ({"created_at": "yesterday"}, "is not a valid value for created_at"),
    ({"file_size": "big"}, "is not a valid value for file_size"),
    ({"limit": "21"}, "limit cannot be higher than 20"),
    ({"search": "a\x00"}, "null characters are not allowed in search"),
    ({"tags": "a", "search": "b"}, "filtering by tag with a search query is not supported"),
]


@pytest.mark.parametrize(
    ("url", "params", "message"),
    [(PAGES, *query) for query in BAD_PAGE_QUERIES]
    + [(DOCUMENTS, *query) for query in BAD_DOCUMENT_QUERIES],
)
def test_bad_query_is_a_400_with_a_message(client, world, url, params, message):
    answer = get_json(client, url, status=400, **params)
    assert message in answer["message"]


def test_bad_find_is_a_400(client, world):
    assert get_json(client, f"{PAGES}find/", status=400, id="²") == {
        "message": "id must be a positive integer"
    }


@pytest.mark.parametrize(
    "params",
    [
        {"offset": str(10**30)},
        {"id": str(10**30)},
        {"type": "courses.ModulePage", "duration_minutes": str(10**30)},
    ],
)
def test_numbers_too_large_for_the_database_list_nothing(client, world, params):
    assert get_json(client, PAGES, **params)["items"] == []


def test_writing_is_not_allowed(client, world):
    response = client.post(PAGES, {"title": "New page"})
    assert response.status_code == 405

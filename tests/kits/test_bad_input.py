"""Broken, tampered or oversized kit links: a message on the kit page, never an error page."""

import re
from urllib.parse import urljoin

import pytest

from tests.courses.helpers import soup

from .helpers import (
    agenda_rows,
    assert_refused,
    body,
    download,
    kit_query,
    left_out,
    link_named,
    materials,
    not_available,
    problems,
    read_member,
)

UNKNOWN = 987654


def kit_page(client, query):
    response = client.get(f"/kits/?{query}")
    assert response.status_code < 500
    return response


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("items={m},{m}", "1 repeated module kept once."),
        ("items={m},abc", "Some items were not understood and were left out: “abc”."),
        ("items={m},b-5", "Some items were not understood and were left out: “b-5”."),
        ("items={m},b0", "“Break” of 0 minutes was left out: agenda items last 1 to 240 minutes."),
        ("items={m},b999",
         "“Break” of 999 minutes was left out: agenda items last 1 to 240 minutes."),
        ("items={m}&start=25:99", "“25:99” is not a time of day; use 24-hour time such as 09:30."),
        ("items={m}&start=9.30am", "is not a time of day"),
        ("items={m}&date=2026-13-45", "“2026-13-45” is not a date; use the form 2026-12-01."),
        ("items={m}&date=tomorrow", "“tomorrow” is not a date"),
        ("items={m}&title=" + "x" * 10_000, "The title is too long (10000 characters); it is cut"),
        ("items={m}&audience=" + "y" * 500, "The audience is too long"),
        ("items={m}&break_minutes=-5", "An agenda item lasts 1 to 240 minutes"),
        ("items={m}&break_minutes=100000", "An agenda item lasts 1 to 240 minutes"),
        ("items={m}&break_minutes=abc", "An agenda item lasts 1 to 240 minutes"),
        ("items={m}&add=abc", "That module link is broken: nothing was added."),
        ("items={m}&add_course=abc", "That course cannot be found, so no module was added."),
        ("items={m}&add_course=" + str(UNKNOWN), "That course cannot be found"),
    ],
    ids=[
        "repeated-id",
        "abc",
        "b-5",
        "b0",
        "b999",
        "start-25:99",
        "start-9.30am",
        "date-2026-13-45",
        "date-tomorrow",
        "title-10000",
        "audience-500",
        "break-minus-5",
        "break-100000",
        "break-abc",
        "add-abc",
        "add-course-abc",
        "add-course-unknown",
    ],
)
def test_bad_input_is_explained_on_the_kit_page(client, world, extra, message):
    response = kit_page(client, extra.format(m=world["recognizing"].pk))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert any(message in problem for problem in problems(response)), problems(response)
    assert soup(response).select_one(".message--error")["role"] == "alert"
    # What was right is kept: the module is still on the agenda.
    assert [row[1] for row in agenda_rows(response) if row[1] != "Break"] == ["Recognizing STS"]


def test_a_long_title_is_cut_and_shown(client, world):
    response = kit_page(client, kit_query([world["recognizing"]], title="T" * 10_000))
    assert soup(response).h1.get_text() == "T" * 200
    assert soup(response).select_one("#kit-title")["value"] == "T" * 200


def test_an_unknown_module_is_left_out_as_not_available(client, world):
    response = kit_page(client, kit_query([world["recognizing"], UNKNOWN]))
    assert left_out(response) == [not_available(UNKNOWN)]
    assert [row[1] for row in agenda_rows(response)] == ["Recognizing STS"]
    archive = download(client, kit_query([world["recognizing"], UNKNOWN]))
    assert len(materials(archive)) == 3


def test_a_thousand_ids_keep_forty_and_say_so(client, world):
    ids = [world["recognizing"].pk, *range(UNKNOWN, UNKNOWN + 999)]
    response = kit_page(client, kit_query(ids))
    assert response.status_code == 400
    assert problems(response) == ["A kit holds at most 40 items; the last 960 were left out."]
    assert [row[1] for row in agenda_rows(response)] == ["Recognizing STS"]
    assert len(left_out(response)) == 39


def test_an_absurdly_long_list_is_refused_whole(client, world):
    response = kit_page(client, "items=" + ",".join(["1"] * 2001))
    assert response.status_code == 400
    assert "Nothing from it was kept." in problems(response)[0]
    assert agenda_rows(response) == []


@pytest.mark.parametrize("action", ["up=999", "down=999", "up=-1", "remove=abc", "remove=999"])
def test_moves_outside_the_kit_change_nothing(client, world, action):
    query = kit_query([world["recognizing"], "b15", world["self_care"]])
    response = client.get(f"/kits/?{query}&{action}")
    assert response.status_code == 302
    assert response["Location"] == f"/kits/?{query}"
    after = client.get(response["Location"])
    assert [row[1] for row in agenda_rows(after)] == ["Recognizing STS", "Break", "Self-care plans"]


@pytest.mark.parametrize(
    "path", ["/kits/download/", "/kits/agenda/", "/kits/guide/", "/kits/agenda.pdf"]
)
def test_other_kit_views_answer_bad_links_with_the_kit_page(client, world, path):
    response = client.get(f"{path}?items={world['recognizing'].pk},abc&start=25:99")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "“25:99” is not a time of day; use 24-hour time such as 09:30." in problems(response)
    assert not body(response).startswith((b"PK", b"%PDF"))


# --- Refused downloads ---------------------------------------------------------------------------


def test_download_of_more_than_forty_items_is_refused(client, world):
    query = kit_query([world["recognizing"], *["b5"] * 40])
    response = client.get(f"/kits/download/?{query}")
    assert_refused(response, 400, "A kit holds at most 40 items; the last 1 were left out.")


@pytest.mark.parametrize("query", ["", "items=b15", f"items={UNKNOWN}"])
def test_download_of_a_kit_without_modules_is_refused(client, world, query):
    response = client.get(f"/kits/download/?{query}")
    assert_refused(response, 409, "The kit has no modules yet: add at least one module")


def test_download_over_the_size_limit_is_refused(client, world, settings):
    settings.KIT_MAX_BYTES = 1000
    response = client.get(f"/kits/download/?{kit_query([world['recognizing']])}")
    assert_refused(response, 409, "Remove a module or two, or download them separately.")


def test_shared_files_count_once_towards_the_size_limit(client, world, settings):
    documents = {}
    for module in (world["recognizing"], world["self_care"]):
        for link in [*module.slide_links.all(), *module.handout_links.all()]:
            documents[link.document.pk] = link.document.file.size
    settings.KIT_MAX_BYTES = sum(documents.values())
    download(client, kit_query([world["recognizing"], world["self_care"]]))
    settings.KIT_MAX_BYTES = sum(documents.values()) - 1
    response = client.get(
        f"/kits/download/?{kit_query([world['recognizing'], world['self_care']])}"
    )
    assert response.status_code == 409


def test_the_size_refusal_shows_two_different_sizes(client, world, settings):
    settings.KIT_MAX_BYTES = 1000
    response = client.get(f"/kits/download/?{kit_query([world['recognizing']])}")
    (message,) = problems(response)
    sizes = re.search(r"come to (.+?), over the (.+?) a kit may hold", message)
    assert sizes, message
    assert sizes.group(1) != sizes.group(2), message


def test_download_with_a_file_missing_from_storage_is_refused(client, world, stored_file_removed):
    stored_file_removed(world["reflective"].handout_links.get().document)
    response = client.get(
        f"/kits/download/?{kit_query([world['recognizing'], world['reflective']])}"
    )
    assert_refused(response, 409, "These files are missing on the server")
    assert "“Supervision prompts”" in problems(response)[0]
    # The rest can still be had once the module is gone.
    download(client, kit_query([world["recognizing"]]))


def test_remove_link_on_a_refused_download_removes_the_module(
    client, world, stored_file_removed
):
    stored_file_removed(world["reflective"].handout_links.get().document)
    url = f"/kits/download/?{kit_query([world['recognizing'], world['reflective']])}"
    refused = client.get(url)
    assert refused.status_code == 409
    remove = link_named(refused, "Remove: Reflective supervision")
    response = client.get(urljoin(url, remove), follow=True)
    assert response.status_code == 200
    assert [row[1] for row in agenda_rows(response)] == ["Recognizing STS"]


def test_markup_in_the_title_is_shown_as_text(client, world):
    title = '<script>alert("kit")</script><b>Team</b>'
    query = kit_query([world["recognizing"]], title=title, audience="<i>all</i>")
    for path in ("/kits/", "/kits/agenda/", "/kits/guide/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 200
        html = response.content.decode()
        assert (
            "<script>alert" not in html and "<b>Team</b>" not in html and "<i>all</i>" not in html
        )
        assert title in soup(response).h1.get_text()
    agenda_html = read_member(download(client, query), "/Agenda.html").decode()
    assert "<script>alert" not in agenda_html and "&lt;script&gt;" in agenda_html


@pytest.mark.parametrize("parameter", ["add", "add_course", "up", "down", "remove"])
def test_huge_numbers_never_reach_the_database(client, world, parameter):
    response = client.get("/kits/", {parameter: "9" * 40})
    assert response.status_code in (200, 302, 400)

"""The agenda, the facilitator guide and the evaluation form: on the kit page, as print views,
as PDFs and in the ZIP, for agendas with items of every kind."""

import io
import itertools
import re

import pytest
from pypdf import PdfReader

from tests.courses.helpers import soup, squash, text_of
from tests.materials.pdfs import assert_accessible_pdf

from .helpers import agenda_rows, agenda_total, body, download, kit_query, pdf_text, read_member

TIMED = [
    ("09:30–10:15", "Recognizing STS", "45"),
    ("10:15–10:30", "Break", "15"),
    ("10:30–11:20", "Self-care plans", "50"),
]
FROM_ZERO = [
    ("0:00–0:45", "Recognizing STS", "45"),
    ("0:45–1:00", "Break", "15"),
    ("1:00–1:50", "Self-care plans", "50"),
]


@pytest.fixture
def items(world):
    return [world["recognizing"], "b15", world["self_care"]]


@pytest.fixture
def day(world):
    """A whole day: welcome, two modules of two courses, lunch, a third, an evaluation."""
    return [
        "w10", world["recognizing"], "l45", world["self_care"], "x15.Team%20photo",
        world["reflective"], "e10",
    ]  # fmt: skip


def test_kit_page_times_the_agenda_from_the_start_time(client, items):
    response = client.get(f"/kits/?{kit_query(items, start='09:30')}")
    assert response.status_code == 200
    assert agenda_rows(response) == TIMED
    assert agenda_total(response) == "110"
    assert squash(soup(response).select_one(".kit__summary").get_text()) == (
        "09:30–11:20 · 1 h 50 min in all"
    )
    assert soup(response).select_one("table.agenda thead th").get_text() == "Time"


def test_kit_page_without_a_start_time_counts_from_zero(client, items):
    response = client.get(f"/kits/?{kit_query(items)}")
    assert agenda_rows(response) == FROM_ZERO
    assert squash(soup(response).select_one(".kit__summary").get_text()) == "1 h 50 min in all"


def test_the_session_line_names_date_and_audience(client, items):
    query = kit_query(items, date="2026-12-01", start="09:30", audience="Supervisors")
    response = client.get(f"/kits/?{query}")
    assert squash(soup(response).select_one(".kit__summary").get_text()) == (
        "1 December 2026, 09:30–11:20 · For Supervisors · 1 h 50 min in all"
    )


def test_a_session_running_past_midnight_says_so(client, items):
    response = client.get(f"/kits/?{kit_query(items, start='22:30')}")
    assert [row[0] for row in agenda_rows(response)] == [
        "22:30–23:15",
        "23:15–23:30",
        "23:30–00:20",
    ]
    assert "(runs past midnight)" in text_of(response)


def test_the_kit_suggests_an_opening_and_a_close(client, items, day):
    suggestion = soup(client.get(f"/kits/?{kit_query(items)}")).select_one(".kit__suggest")
    assert "Add a welcome (10 min) at the start" in suggestion.get_text()
    assert "Add an evaluation (10 min) at the end" in suggestion.get_text()
    assert soup(client.get(f"/kits/?{kit_query(day)}")).select_one(".kit__suggest") is None


# --- The agenda ---------------------------------------------------------------------------------


def test_agenda_names_every_kind_of_item(client, day):
    response = client.get(f"/kits/agenda/?{kit_query(day, title='Team day', start='09:00')}")
    assert response.status_code == 200
    rows = [
        tuple(squash(cell.get_text()) for cell in row.select("td, th"))
        for row in soup(response).select("table.agenda tbody tr")
    ]
    assert rows == [
        ("09:00–09:10", "Welcome", "10"),
        ("09:10–09:55", "Recognizing STS", "45"),
        ("09:55–10:40", "Lunch", "45"),
        ("10:40–11:30", "Self-care plans", "50"),
        ("11:30–11:45", "Team photo", "15"),
        ("11:45–12:15", "Reflective supervision", "30"),
        ("12:15–12:25", "Evaluation: please fill in the evaluation form", "10"),
    ]
    page = soup(response)
    assert page.title.get_text() == "Agenda: Team day"
    assert page.select_one(".print-actions a")["href"] == (
        f"/kits/?{kit_query(day, title='Team day', start='09:00')}"
    )


def test_agenda_pdf_has_title_items_and_times(client, items):
    response = client.get(f"/kits/agenda.pdf?{kit_query(items, title='Team day', start='09:30')}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Agenda.pdf"'
    content = body(response)
    assert_accessible_pdf(content, title="Agenda: Team day")
    text = pdf_text(content)
    assert "Team day 09:30–11:20 · 1 h 50 min in all" in text
    positions = [text.index(title) for title in ("Recognizing STS", "Break", "Self-care plans")]
    assert positions == sorted(positions)
    for time in ("09:30–10:15", "10:15–10:30", "10:30–11:20"):
        assert time in text
    assert "Total 110" in text


def test_agenda_in_the_zip_as_pdf_and_html(client, items):
    archive = download(client, kit_query(items, title="Team day", start="09:30"))
    assert "Total 110" in pdf_text(read_member(archive, "/Agenda.pdf"))
    html = read_member(archive, "/Agenda.html").decode()
    assert "<style>" in html and "stylesheet" not in html  # opens anywhere, styles inside
    for time, title, _minutes in TIMED:
        assert re.search(rf"<td class=\"time\">{time}</td><th scope=\"row\">{title}</th>", html)


def test_paper_size_is_a_kit_setting(client, items):
    def page_size(query):
        content = body(client.get(f"/kits/agenda.pdf?{query}"))
        box = PdfReader(io.BytesIO(content)).pages[0].mediabox
        return round(float(box.width)), round(float(box.height))

    assert page_size(kit_query(items)) == (612, 792)  # US Letter, in points
    assert page_size(kit_query(items, paper="a4")) == (595, 842)  # A4


# --- The facilitator guide ----------------------------------------------------------------------


def run_of_show(response):
    """[(start, end, what, slides, minutes, kind)] of the guide's run of show."""
    rows = []
    for row in soup(response).select("#run-heading ~ table.run-of-show tbody tr"):
        start, end = squash(row.select_one("td.time").get_text()).split("–")
        what, slides = squash(row.th.get_text()), squash(row.select_one(".slides").get_text())
        minutes = int(row.select_one(".number").get_text())
        rows.append((start, end, what, slides, minutes, row["class"][0]))
    return rows


def test_the_run_of_show_is_timed_from_the_first_minute_to_the_last(client, day):
    response = client.get(f"/kits/guide/?{kit_query(day, start='09:00')}")
    rows = run_of_show(response)
    top = [row for row in rows if row[5] != "segment"]
    assert [row[2] for row in top] == [
        "Welcome", "1. Recognizing STS", "Lunch", "2. Self-care plans", "Team photo",
        "3. Reflective supervision", "Evaluation",
    ]  # fmt: skip
    assert top[0][0] == "09:00" and top[-1][1] == "12:25"
    for before, after in itertools.pairwise(top):
        assert before[1] == after[0]  # no gap and no overlap
    # Each module's segments fill its time exactly, and name the slides they use.
    for index, row in enumerate(rows):
        if row[5] != "module":
            continue
        segments = []
        for following in rows[index + 1 :]:
            if following[5] != "segment":
                break
            segments.append(following)
        assert segments[0][0] == row[0] and segments[-1][1] == row[1]
        assert sum(segment[4] for segment in segments) == row[4]
        assert all(re.fullmatch(r"Module \d, slides? \d+(–\d+)?", s[3]) for s in segments)
    recognizing = [row[2] for row in rows[2:5]]
    assert recognizing == ["Presentation and discussion", "Activity: Pair discussion: what helps?",
                           "Questions and wrap-up"]  # fmt: skip


def test_minutes_the_activities_leave_are_a_named_segment(client, world):
    """Recognizing STS: 45 minutes, one 15-minute activity: 30 minutes are never silent."""
    response = client.get(f"/kits/guide/?{kit_query([world['recognizing']])}")
    segments = [(row[2], row[4]) for row in run_of_show(response) if row[5] == "segment"]
    assert segments == [
        ("Presentation and discussion", 25),
        ("Activity: Pair discussion: what helps?", 15),
        ("Questions and wrap-up", 5),
    ]


def test_the_guide_opens_and_closes_the_session(client, world, day):
    response = client.get(f"/kits/guide/?{kit_query(day, start='09:00', audience='Supervisors')}")
    page = soup(response)
    opening = squash(page.select_one("section:has(#opening-heading)").get_text(" "))
    assert "Opening (09:00–09:10, 10 min)" in opening
    for part in ("Welcome and purpose", "Ground rules", "Content warnings", "Where support is",
                 "Recognizing STS: Describes a child protection case in some detail."):  # fmt: skip
        assert part in opening
    close = squash(page.select_one("section:has(#close-heading)").get_text(" "))
    for part in ("Close (12:15–12:25, 10 min)", "Key messages to repeat", "Evaluation",
                 "Self-care and support"):  # fmt: skip
        assert part in close


def test_the_guide_says_when_no_time_is_set_aside_for_opening_and_close(client, items):
    text = text_of(client.get(f"/kits/guide/?{kit_query(items)}"))
    assert "No time is set aside for the opening" in text
    assert "No time is set aside for the close" in text


def test_the_materials_list_counts_for_the_group(client, world, items):
    response = client.get(f"/kits/guide/?{kit_query(items, group=12)}")
    table = soup(response).select_one("table.materials")
    materials = {
        squash(row.th.get_text()): int(row.td.get_text()) for row in table.select("tbody tr")
    }
    assert materials["Copies of “Signs checklist”"] == 12
    assert materials["Copies of “Shared worksheet”"] == 12  # shared by two modules: once
    assert materials["Evaluation form (in the kit)"] == 12
    assert materials["Printed agenda (one each)"] == 12
    assert "Projector, screen and a computer with the slides" in materials
    assert "Print the handouts and the evaluation form: 12 copies each (US Letter)." in text_of(
        response
    )


def test_the_guide_pdf_is_the_same_guide_tagged(client, world, day):
    query = kit_query(day, title="Team day", start="09:00")
    content = body(client.get(f"/kits/guide.pdf?{query}"))
    assert_accessible_pdf(content, title="Facilitator guide: Team day")
    text = pdf_text(content)
    for part in ("Run of show", "Before the session", "Opening (09:00–09:10, 10 min)",
                 "1. Recognizing STS (09:10–09:55, 45 min)",
                 "Activity: Pair discussion: what helps?",
                 "Close (12:15–12:25, 10 min)"):  # fmt: skip
        assert part in text
    archive = download(client, query)
    assert "Run of show" in pdf_text(read_member(archive, "/Facilitator guide.pdf"))


def test_the_evaluation_form_rates_each_module(client, day):
    query = kit_query(day, title="Team day")
    content = body(client.get(f"/kits/evaluation.pdf?{query}"))
    assert_accessible_pdf(content, title="Evaluation: Team day")
    text = pdf_text(content)
    for part in ("What did you learn", "What will you use in your work?",
                 "Recognizing STS 1 2 3 4 5", "Reflective supervision 1 2 3 4 5",
                 "What should we improve?"):  # fmt: skip
        assert part in text
    assert "Team photo 1 2 3 4 5" not in text  # only the modules are rated
    archive = download(client, query)
    assert "What should we improve?" in pdf_text(read_member(archive, "/Evaluation form.pdf"))


@pytest.mark.parametrize("path", ["/kits/agenda/", "/kits/guide/", "/kits/evaluation/"])
def test_print_views_render_the_items(client, world, items, path):
    response = client.get(f"{path}?{kit_query(items)}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    text = text_of(response)
    assert "Recognizing STS" in text and "Self-care plans" in text

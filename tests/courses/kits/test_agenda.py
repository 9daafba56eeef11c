"""The timed agenda and the facilitator guide: on the kit page, in print views and as PDFs."""

import pytest

from courses.pdfs import plain
from tests.courses.helpers import soup, squash, text_of

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


def test_kit_page_times_the_agenda_from_the_start_time(client, items):
    response = client.get(f"/kits/?{kit_query(items, start='09:30')}")
    assert response.status_code == 200
    assert agenda_rows(response) == TIMED
    assert agenda_total(response) == "110"
    assert squash(soup(response).select_one(".kit__summary").get_text()) == (
        "09:30-11:20 | 1 h 50 min in all"
    )
    assert soup(response).select_one("table.agenda thead th").get_text() == "Time"


def test_kit_page_without_a_start_time_counts_from_zero(client, items):
    response = client.get(f"/kits/?{kit_query(items)}")
    assert agenda_rows(response) == FROM_ZERO
    assert agenda_total(response) == "110"
    assert soup(response).select_one("table.agenda thead th").get_text() == "From start"
    assert squash(soup(response).select_one(".kit__summary").get_text()) == "1 h 50 min in all"


def test_the_session_line_names_date_and_audience(client, items):
    query = kit_query(items, date="2026-12-01", start="09:30", audience="Supervisors")
    response = client.get(f"/kits/?{query}")
    assert squash(soup(response).select_one(".kit__summary").get_text()) == (
        "1 December 2026, 09:30-11:20 | For Supervisors | 1 h 50 min in all"
    )


def test_a_session_running_past_midnight_says_so(client, items):
    response = client.get(f"/kits/?{kit_query(items, start='22:30')}")
    assert [row[0] for row in agenda_rows(response)] == [
        "22:30–23:15",
        "23:15–23:30",
        "23:30–00:20",
    ]
    assert "(runs past midnight)" in text_of(response)


def test_agenda_print_view_shows_the_same_times(client, items):
    response = client.get(f"/kits/agenda/?{kit_query(items, title='Team day', start='09:30')}")
    assert response.status_code == 200
    assert agenda_rows(response) == TIMED
    assert agenda_total(response) == "110"
    page = soup(response)
    assert page.h1.get_text() == "Team day"
    assert page.title.get_text() == "Agenda: Team day"
    back = page.select_one(".print-actions a")
    assert back["href"] == f"/kits/?{kit_query(items, title='Team day', start='09:30')}"


def test_agenda_print_view_without_a_start_time(client, items):
    response = client.get(f"/kits/agenda/?{kit_query(items)}")
    assert agenda_rows(response) == FROM_ZERO


def test_agenda_pdf_has_title_items_and_times(client, items):
    response = client.get(f"/kits/agenda.pdf?{kit_query(items, title='Team day', start='09:30')}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Agenda.pdf"'
    text = pdf_text(body(response))
    assert text.startswith("Team day 09:30-11:20 | 1 h 50 min in all")
    positions = [text.index(title) for title in ("Recognizing STS", "Break", "Self-care plans")]
    assert positions == sorted(positions)
    for time in ("09:30-10:15", "10:15-10:30", "10:30-11:20"):
        assert time in text
    assert "Total 110" in text


def test_agenda_pdf_without_a_start_time(client, items):
    text = pdf_text(body(client.get(f"/kits/agenda.pdf?{kit_query(items)}")))
    for time in ("0:00-0:45", "0:45-1:00", "1:00-1:50"):
        assert time in text
    assert "Session on secondary traumatic stress" in text


def test_agenda_pdf_in_the_zip_matches_the_agenda(client, items):
    archive = download(client, kit_query(items, title="Team day", start="09:30"))
    text = pdf_text(read_member(archive, "/Agenda.pdf"))
    assert "Team day" in text
    for time in ("09:30-10:15", "10:15-10:30", "10:30-11:20"):
        assert time in text
    assert "Total 110" in text
    html = read_member(archive, "/Agenda.html").decode()
    for time, title, minutes in TIMED:
        assert f'<td>{time}</td><th scope="row">{title}</th>' in html
        assert f'<td class="minutes">{minutes}</td>' in html


# --- Facilitator guide ---------------------------------------------------------------------------


def guide_sections(text, headings):
    """The guide's text cut at each heading (fails when one is missing or out of order)."""
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions), "the guide is not in agenda order"
    ends = [*positions[1:], len(text)]
    return [text[start:end] for start, end in zip(positions, ends, strict=True)]


def expected_guide(world):
    recognizing, self_care = world["recognizing"], world["self_care"]
    return {
        "1. Recognizing STS": [
            "09:30-10:15 (45 min)",
            "Content warning Describes a child protection case in some detail.",
            "Learning objectives - Name three signs of secondary traumatic stress.",
            "Key messages - Secondary traumatic stress is a normal reaction.",
            "Activity: Pair discussion: what helps? (15 min)",
            "Ask pairs to list what helps them after a hard day.",
            "Materials: Flip chart",
            "Facilitator notes Watch for participants who go quiet after the case story.",
            "Evidence: Research-supported Two cohort studies support the signs listed.",
            "References " + plain(recognizing.references()[0].apa_text()),
        ],
        "2. Break, 10:15-10:30 (15 min)": [],
        "3. Self-care plans": [
            "10:30-11:20 (50 min)",
            "Content warning Participants may recall their own difficult experiences.",
            "Write a personal self-care plan.",
            "Self-care is a team responsibility too.",
            "Activity: Plan writing in silence (20 min)",
            "Facilitator notes Offer a quiet room for anyone who needs a break.",
            "References " + plain(self_care.references()[0].apa_text()),
        ],
        "4. Reflective supervision": ["11:20-11:50 (30 min)", "Evidence: Practice-informed"],
    }


def test_guide_pdf_has_each_module_in_agenda_order(client, world, items):
    query = kit_query([*items, world["reflective"]], title="Team day", start="09:30")
    response = client.get(f"/kits/guide.pdf?{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(body(response))
    assert text.startswith("Facilitator guide: Team day 09:30-11:50 | 2 h 20 min in all")
    expected = expected_guide(world)
    for section, (heading, parts) in zip(
        guide_sections(text, list(expected)), expected.items(), strict=True
    ):
        for part in parts:
            assert part in section, f"{part!r} missing under {heading!r}"
    reflective = guide_sections(text, list(expected))[-1]
    assert "Content warning" not in reflective and "References" not in reflective


def test_guide_pdf_in_the_zip_is_the_same_guide(client, world, items):
    archive = download(client, kit_query([*items, world["reflective"]], start="09:30"))
    text = pdf_text(read_member(archive, "/Facilitator guide.pdf"))
    expected = expected_guide(world)
    for section, parts in zip(guide_sections(text, list(expected)), expected.values(), strict=True):
        for part in parts:
            assert part in section


def test_guide_print_view_has_each_module_in_agenda_order(client, world, items):
    query = kit_query([*items, world["reflective"]], start="09:30")
    response = client.get(f"/kits/guide/?{query}")
    assert response.status_code == 200
    page = soup(response)
    assert [squash(h2.get_text()) for h2 in page.select("main h2")] == [
        "1. Recognizing STS",
        "3. Self-care plans",
        "4. Reflective supervision",
    ]
    assert squash(page.select_one("main p.break").get_text()) == "2. Break, 10:15–10:30 (15 min)"
    first = page.select("section.guide-item")[0]
    text = squash(first.get_text(" "))
    for part in (
        "09:30–10:15 (45 min)",
        "Content warning Describes a child protection case in some detail.",
        "Name three signs of secondary traumatic stress.",
        "Secondary traumatic stress is a normal reaction.",
        "Activity: Pair discussion: what helps? (15 min)",
        "Materials: Flip chart",
        "Facilitator notes Watch for participants who go quiet after the case story.",
        "Evidence: Research-supported",
    ):
        assert part in text
    reference = first.select_one("ul.references li")
    assert squash(reference.get_text()) == squash(world["recognizing"].references()[0].apa_text())


@pytest.mark.parametrize("path", ["/kits/agenda/", "/kits/guide/"])
def test_print_views_render_the_items(client, world, items, path):
    response = client.get(f"{path}?{kit_query(items)}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    text = text_of(response)
    assert "Recognizing STS" in text and "Self-care plans" in text and "Break" in text


@pytest.mark.parametrize(
    ("path", "name"),
    [("/kits/agenda.pdf", "Agenda.pdf"), ("/kits/guide.pdf", "Facilitator guide.pdf")],
)
def test_pdf_endpoints_answer_pdf_files(client, items, path, name):
    response = client.get(f"{path}?{kit_query(items)}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    content = body(response)
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
    assert "Recognizing STS" in pdf_text(content)

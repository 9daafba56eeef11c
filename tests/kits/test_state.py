"""The kit's state in its link: what is read, what is dropped with a message, what is written."""

import datetime

import pytest
from django.http import QueryDict

from kits.state import MAX_ITEMS, Break, KitState, ModuleRef, parse


def parsed(query):
    return parse(QueryDict(query))


def test_a_full_link_is_read_and_written_back_unchanged():
    query = "items=12%2Cb15%2C13&title=Team+day&date=2026-12-01&start=09%3A30&audience=Supervisors"
    state = parsed(query)
    assert state.items == (ModuleRef(12), Break(15), ModuleRef(13))
    assert state.title == "Team day"
    assert state.date == datetime.date(2026, 12, 1)
    assert state.start == datetime.time(9, 30)
    assert state.audience == "Supervisors"
    assert state.problems == ()
    assert state.query() == query


def test_an_empty_link_is_an_empty_kit_without_problems():
    state = parsed("")
    assert state == KitState()
    assert state.problems == ()
    assert state.query() == ""


def test_whitespace_in_title_and_audience_is_squashed():
    state = parsed("title=%20Team%0A%0Aday%20&audience=%09All%20%20staff")
    assert (state.title, state.audience) == ("Team day", "All staff")


def test_what_is_wrong_is_dropped_and_the_rest_kept():
    state = parsed("items=12,abc,12,b0,13,b-5&start=25:99&date=2026-02-30")
    assert state.items == (ModuleRef(12), ModuleRef(13))
    assert state.start is None and state.date is None
    problems = " ".join(state.problems)
    for expected in (
        "1 repeated module kept once.",
        "“Break” of 0 minutes was left out",
        "“abc”, “b-5”",
        "“25:99” is not a time of day",
        "“2026-02-30” is not a date",
    ):
        assert expected in problems


def test_a_kit_keeps_its_first_forty_items():
    state = parsed("items=" + ",".join(str(n) for n in range(1, 51)))
    assert state.items == tuple(ModuleRef(n) for n in range(1, MAX_ITEMS + 1))
    assert state.problems == ("A kit holds at most 40 items; the last 10 were left out.",)


def test_a_huge_list_is_not_read_at_all():
    state = parsed("items=" + ",".join(str(n) for n in range(5000)))
    assert state.items == ()
    assert "Nothing from it was kept." in state.problems[0]


def test_adding_modules_keeps_each_once_and_within_the_limit():
    state = KitState(items=(ModuleRef(1), Break(10)))
    state, already = state.add_modules([2, 1, 3])
    assert state.items == (ModuleRef(1), Break(10), ModuleRef(2), ModuleRef(3))
    assert already == 1 and state.problems == ()  # being there already is no error
    full, _ = KitState(items=tuple(Break(5) for _ in range(MAX_ITEMS - 1))).add_modules([7, 8, 9])
    assert len(full.items) == MAX_ITEMS
    assert full.items[-1] == ModuleRef(7)
    assert "2 could not be added" in full.problems[0]


def test_moves_and_removals_outside_the_kit_change_nothing():
    state = KitState(items=(ModuleRef(1), Break(10), ModuleRef(2)))
    assert state.move(0, -1).items == state.items
    assert state.move(2, 1).items == state.items
    assert state.move(999, -1).items == state.items
    assert state.remove(-1).items == state.items
    assert state.remove(3).items == state.items
    assert state.move(0, 1).items == (Break(10), ModuleRef(1), ModuleRef(2))
    assert state.remove(1).items == (ModuleRef(1), ModuleRef(2))
    assert state.insert_break(1, 5).items == (ModuleRef(1), Break(5), Break(10), ModuleRef(2))
    assert state.insert_break(99, 5).items[-1] == Break(5)


def test_agenda_items_of_every_kind_survive_the_link():
    items = (Break(10, "w"), ModuleRef(12), Break(45, "l"), Break(15, "q"),
             Break(20, "x", "Team photo, then coffee"), Break(10, "e"))  # fmt: skip
    state = KitState(items=items, group=18, paper="a4")
    again = parsed(state.query())
    assert again.items == items
    assert [item.title for item in again.items if isinstance(item, Break)] == [
        "Welcome", "Lunch", "Questions and answers", "Team photo, then coffee", "Evaluation",
    ]  # fmt: skip
    assert (again.group, again.paper, again.problems) == (18, "a4", ())


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("items=x20.", "not understood"),
        ("items=l0", "“Lunch” of 0 minutes was left out"),
        ("group=0", "is not a group size"),
        ("group=many", "is not a group size"),
        ("paper=legal", "is not a paper size"),
    ],
)
def test_bad_agenda_items_group_sizes_and_papers_are_explained(query, problem):
    assert problem in " ".join(parsed(query).problems)


def test_a_named_item_is_one_printable_line_of_limited_length():
    state = KitState().insert_break(0, 10, "x", "Line one\nline\ttwo" + "x" * 200)
    (item,) = state.items
    assert "\n" not in item.title and "\t" not in item.title
    assert len(item.title) == 80


def test_merging_two_kits_adds_the_missing_items_at_the_end():
    mine = KitState(items=(ModuleRef(1), Break(10)))
    theirs = KitState(items=(ModuleRef(2), ModuleRef(1), Break(45, "l")))
    assert mine.merged_with(theirs).items == (
        ModuleRef(1), Break(10), ModuleRef(2), Break(45, "l"),
    )  # fmt: skip

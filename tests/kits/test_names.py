"""File names inside the kit's ZIP are safe on every system and never repeated."""

import unicodedata

import pytest

from kits.names import MAX_NAME, UniqueNames, safe_name

WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {
    f"{d}{n}" for d in ("COM", "LPT") for n in "123456789"
}
HOSTILE = [
    "../../x",
    "/etc/x",
    "C:\\x",
    "CON",
    "con.txt",
    "nul",
    "LPT1",
    "a\x00b",
    "line\nbreak\ttab\r",
    "x" * 300,
    "é" * 300,
    "🙂" * 300,
    "Intro.pdf",
    "..",
    ".",
    "...hidden",
    "",
    "   ",
    "\u202eexe.pdf",
    'what "quotes" <and> pipes | * ?',
    "a/../../b",
    "trailing dot.",
]


def assert_safe(name):
    assert name, "empty name"
    assert "/" not in name and "\\" not in name, name
    assert not any(unicodedata.category(char).startswith("C") for char in name), repr(name)
    assert name not in (".", "..") and not name.startswith((".", " ")), name
    assert not name.endswith((".", " ")), name
    assert not any(char in name for char in '<>:"|?*'), name
    assert name.split(".")[0].strip().upper() not in WINDOWS_DEVICES, name
    assert len(name.encode()) <= 255, len(name.encode())


@pytest.mark.parametrize("text", HOSTILE, ids=lambda text: repr(text[:12]))
def test_safe_name_is_a_plain_file_name(text):
    name = safe_name(text)
    assert_safe(name)
    assert len(name.encode()) <= MAX_NAME


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recognizing STS", "Recognizing STS"),
        ("Self-care: a plan", "Self-care - a plan"),
        ("  Spaced   out  ", "Spaced out"),
        ("Café – résumé", "Café – résumé"),
        ("/etc/passwd", "etc-passwd"),
        ("C:\\Windows", "C-Windows"),
    ],
)
def test_safe_name_keeps_readable_titles_readable(text, expected):
    assert safe_name(text) == expected


@pytest.mark.parametrize("text", ["", "..", ".", " / ", "\x00"])
def test_safe_name_falls_back_when_nothing_is_left(text):
    assert safe_name(text) == "file"
    assert safe_name(text, "Session kit") == "Session kit"


def test_safe_name_is_stable_for_composed_and_decomposed_accents():
    assert safe_name("Cafe\u0301") == safe_name("Café") == "Café"


def test_unique_names_number_repeats_case_insensitively():
    unique = UniqueNames()
    names = [unique("Intro", "pdf"), unique("intro", "PDF"), unique("INTRO", "pdf")]
    assert names == ["Intro.pdf", "intro (2).pdf", "INTRO (3).pdf"]


def test_unique_names_keeps_long_names_distinct_and_short():
    unique = UniqueNames()
    names = [unique("🙂" * 300, "pptx") for _ in range(3)] + [unique("x" * 300, "pdf")]
    assert len({name.lower() for name in names}) == 4
    for name in names:
        assert_safe(name)
        assert len(name.encode()) <= 255


@pytest.mark.parametrize("text", HOSTILE, ids=lambda text: repr(text[:12]))
def test_unique_names_of_hostile_titles_are_safe_and_distinct(text):
    unique = UniqueNames()
    names = [unique(text, "pdf"), unique(text, "pdf"), unique(text, "../../pdf")]
    assert len({name.lower() for name in names}) == 3
    for name in names:
        assert_safe(name)


def test_unique_names_sanitise_the_extension():
    unique = UniqueNames()
    assert unique("Slides", "PPTX") == "Slides.pptx"
    name = unique("Notes", "../\\x\x00y")
    assert_safe(name)
    assert unique("Empty", "") == "Empty.bin"

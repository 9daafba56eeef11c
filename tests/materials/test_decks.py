"""Slides that project: 16:9, the theme's layouts, large text, few words, notes for the trainer."""

import io

import pytest
from pptx import Presentation
from pptx.util import Emu, Pt

from materials.decks import MAX_BULLETS, MAX_WORDS, Kind, paginate
from materials.module_deck import module_plan
from materials.pptx import pptx_bytes
from tests.courses.factories import ModulePageFactory, ReferenceFactory

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
LONG_MESSAGE = (
    "Secondary traumatic stress is the emotional distress that comes from hearing about, or "
    "helping with, another person’s first-hand trauma, and it is a known risk of the work."
)


@pytest.fixture
def module(db):
    return ModulePageFactory(
        title="Recognizing secondary traumatic stress",
        duration_minutes=60,
        content_warning="Describes a child protection case.",
        learning_objectives=[("objective", f"Objective number {n}.") for n in range(1, 4)],
        key_messages=[("message", f"{LONG_MESSAGE} ({n})") for n in range(1, 8)],
        activities=[
            (
                "activity",
                {
                    "title": "Pair discussion",
                    "minutes": 15,
                    "steps": ["In pairs, list what helps after a hard day.", "Share one idea."],
                    "instructions": "Tell participants at the start that no one has to share.",
                    "debrief": "What surprised you?",
                    "supplies": [],
                    "materials": "",
                },
            )
        ],
        references=[ReferenceFactory() for _ in range(5)],
    )


@pytest.fixture
def deck(module):
    return module_plan(module, module.references(), course_title="Understanding STS")[0]


@pytest.fixture
def presentation(deck):
    return Presentation(io.BytesIO(pptx_bytes(deck)))


def slide_texts(slide):
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


BULLET_TAGS = [f"{{{A}}}{tag}" for tag in ("buChar", "buAutoNum")]


def body_runs(slide):
    """The runs of the slide's bulleted or numbered paragraphs: its body text."""
    for shape in slide.shapes:
        if not shape.has_text_frame:
            continue
        for paragraph in shape.text_frame.paragraphs:
            properties = paragraph._p.pPr
            if properties is not None and any(properties.find(t) is not None for t in BULLET_TAGS):
                yield from paragraph.runs


def test_the_deck_is_16_by_9(presentation):
    assert (presentation.slide_width, presentation.slide_height) == (Emu(12192000), Emu(6858000))


def test_every_slide_has_its_number_and_the_wordmark(presentation):
    total = len(presentation.slides)
    for number, slide in enumerate(presentation.slides, start=1):
        texts = slide_texts(slide)
        assert f"{number} / {total}" in texts
        assert "STS Learn · Secondary Traumatic Stress Consortium" in texts


def test_body_text_is_at_least_24_points_and_references_20(deck, presentation):
    for item, slide in zip(deck.slides, presentation.slides, strict=True):
        floor = Pt(20) if item.kind == Kind.REFERENCES else Pt(24)
        for run in body_runs(slide):
            assert run.font.size >= floor, (item.heading, run.text)


def test_no_slide_holds_more_than_six_bullets_or_about_forty_words(deck):
    for slide in deck.slides:
        if slide.kind == Kind.REFERENCES:
            assert len(slide.bullets) <= 3
            continue
        assert len(slide.bullets) <= MAX_BULLETS, slide.heading
        words = sum(len(bullet.split()) for bullet in slide.bullets)
        assert words <= MAX_WORDS or len(slide.bullets) == 1, (slide.heading, words)


def test_long_content_continues_on_the_next_slide(deck):
    headings = [slide.heading for slide in deck.slides]
    assert "Key messages" in headings and "Key messages (continued)" in headings
    messages = [b for s in deck.slides if s.heading.startswith("Key messages") for b in s.bullets]
    assert len(messages) == 7  # nothing dropped


def test_references_have_slides_of_their_own(deck):
    references = [slide for slide in deck.slides if slide.kind == Kind.REFERENCES]
    assert [slide.heading for slide in references] == ["References", "References (continued)"]
    assert sum(len(slide.bullets) for slide in references) == 5


def test_facilitator_instructions_go_into_the_notes_not_onto_the_slide(deck, presentation):
    (activity,) = [slide for slide in deck.slides if slide.kind == Kind.ACTIVITY]
    assert activity.bullets == ["In pairs, list what helps after a hard day.", "Share one idea."]
    slide = presentation.slides[activity.number - 1]
    on_screen = " ".join(slide_texts(slide))
    assert "Tell participants" not in on_screen and "15 minutes" not in on_screen
    notes = slide.notes_slide.notes_text_frame.text
    assert "Time: 15 minutes." in notes
    assert "Tell participants at the start that no one has to share." in notes
    assert "Debrief: What surprised you?" in notes


def test_every_slide_has_speaker_notes(presentation):
    for number, slide in enumerate(presentation.slides, start=1):
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), number


def test_the_content_warning_slide_speaks_to_participants(deck):
    warning = next(slide for slide in deck.slides if slide.heading == "Before we start")
    assert "You may step out or pass at any time, without explaining." in warning.bullets
    assert "Describes a child protection case." in warning.notes  # the trainer's wording


def test_nothing_is_drawn_outside_the_slide(presentation):
    width, height = presentation.slide_width, presentation.slide_height
    for slide in presentation.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= width and shape.top + shape.height <= height


@pytest.mark.parametrize(
    ("bullets", "pages"),
    [
        (["one"] * 6, 1),
        (["one"] * 7, 2),
        ([" ".join(["word"] * 30), " ".join(["word"] * 20)], 2),  # 50 words: two slides
        ([("Sentence number one is here. " * 12).strip()], 2),  # 60 words, cut at sentence ends
    ],
)
def test_paginate_respects_the_limits(bullets, pages):
    assert len(paginate(bullets)) == pages


def test_a_long_reference_is_never_cut_into_pieces(db):
    references = [
        ReferenceFactory(
            authors="Bride, B. E.\nRobinson, M. M.\nYegidis, B.\nFigley, C. R.",
            title="Development and validation of the Secondary Traumatic Stress Scale. A study "
            "of social workers in several states. Second part of a long title",
            source="Research on Social Work Practice",
        )
        for _ in range(4)
    ]
    module = ModulePageFactory(references=references)
    deck = module_plan(module, module.references())[0]
    printed = [b for s in deck.slides if s.kind == Kind.REFERENCES for b in s.bullets]
    assert printed == [reference.apa_text() for reference in module.references()]
    assert all(len(reference.split()) > MAX_WORDS for reference in printed)  # long ones

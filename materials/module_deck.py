"""A module's slides, and the segments of its time that each group of slides serves.

The same plan feeds the deck (PPTX and PDF) and the facilitator guide's run of show, so the
guide's slide numbers are the deck's.
"""

from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from materials.decks import Deck, Kind, Slide, content_slides, reference_slides

CONTENT_WARNING_SLIDE = [
    "This part talks about how the work can affect us, which may bring up difficult feelings.",
    "You may step out or pass at any time, without explaining.",
]
SUPPORT_LINE = (
    "If anything in this session stays with you, talk to your supervisor, a colleague you trust "
    "or a health care professional."
)


@dataclass
class Segment:
    """A stretch of a module's time: its presentation, an activity, or its wrap-up."""

    title: str
    minutes: int
    slides: list = field(default_factory=list)  # slide numbers
    notes: str = ""
    activity: dict | None = None

    @property
    def slide_range(self):
        """e.g. "slides 3–5", "slide 6", or "" when the segment shows none."""
        if not self.slides:
            return ""
        first, last = min(self.slides), max(self.slides)
        return f"slide {first}" if first == last else f"slides {first}–{last}"


def plain_text(html):
    """Rich text as plain sentences, for speaker notes."""
    soup = BeautifulSoup(html or "", "html.parser")
    blocks = soup.find_all(["p", "li"]) or [soup]
    return "\n".join(" ".join(b.get_text(" ").split()) for b in blocks if b.get_text(strip=True))


def activity_notes(activity):
    parts = [f"Time: {activity['minutes']} minutes.", activity["instructions"]]
    if activity.get("debrief"):
        parts.append(f"Debrief: {activity['debrief']}")
    if activity.get("materials"):
        parts.append(f"Preparation: {activity['materials']}")
    return "\n\n".join(part for part in parts if part)


def wrap_up_minutes(spare):
    """Of a module's minutes the activities leave, those kept for questions at the end."""
    return min(5, spare // 3) if spare >= 6 else 0


def module_plan(module, references=(), course_title=""):
    """(Deck, segments) of a module: what is projected and when."""
    duration = module.duration_minutes or 0
    activities = [block.value for block in module.activities]
    spare = max(duration - sum(a["minutes"] or 0 for a in activities), 0)
    wrap_up = wrap_up_minutes(spare)
    facilitator_notes = plain_text(getattr(module, "facilitator_notes", ""))

    deck = Deck(module.title, course_title or module.summary)
    opening = [
        Slide(
            Kind.TITLE,
            module.title,
            subtitle=course_title,
            notes=f"{duration} minutes in all. {module.summary}",
        )
    ]
    if module.content_warning:
        opening += content_slides(
            "Before we start",
            CONTENT_WARNING_SLIDE,
            notes=f"Content warning: {module.content_warning}\n\nSay it in your own words, and "
            "say where participants can find support during and after the session.",
            kind=Kind.SECTION,
        )
    objectives = [block.value for block in module.learning_objectives]
    if objectives:
        opening += content_slides(
            "By the end you will be able to",
            objectives,
            notes=module.summary or "Read the objectives aloud; return to them at the close.",
        )
    messages = [block.value for block in module.key_messages]
    if messages:
        opening += content_slides(
            "Key messages",
            messages,
            notes=facilitator_notes
            or "Present each message in your own words, with an example from participants' work.",
        )
    deck.add(*opening)
    segments = [
        Segment(
            "Presentation and discussion",
            spare - wrap_up,
            [slide.number for slide in opening],
            notes="The minutes the activities leave: present the key messages and take questions.",
        )
    ]
    for activity in activities:
        slides = content_slides(
            activity["title"],
            list(activity.get("steps") or []) or ["Your facilitator will explain the task."],
            notes=activity_notes(activity),
            kind=Kind.ACTIVITY,
            numbered=True,
        )
        deck.add(*slides)
        segments.append(
            Segment(
                f"Activity: {activity['title']}",
                activity["minutes"] or 0,
                [slide.number for slide in slides],
                notes=activity["instructions"],
                activity=activity,
            )
        )
    closing = [
        Slide(
            Kind.CLOSING,
            "Questions and support",
            bullets=[SUPPORT_LINE],
            notes="Close the module: repeat the key messages, invite questions and say where "
            "support is.",
        )
    ]
    reference_texts = [reference.apa_text() for reference in references]
    if reference_texts:
        closing += reference_slides(reference_texts, notes="The sources of this module.")
    deck.add(*closing)
    closing_numbers = [slide.number for slide in closing]
    if wrap_up:
        segments.append(Segment("Questions and wrap-up", wrap_up, closing_numbers))
    else:
        segments[-1].slides += closing_numbers
    return deck, segments

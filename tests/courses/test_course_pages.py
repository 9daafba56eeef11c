"""What visitors see on the course index, a course page and a module page."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from wagtail.rich_text import RichText

from courses.models import CoursePage, ModulePage
from home.models import SiteSettings
from tests.home.factories import DomainPageFactory

from .factories import (
    AudienceFactory,
    CoursePageFactory,
    HandoutFactory,
    ModulePageFactory,
    ReferenceFactory,
    SlidesFactory,
    course_index,
    home_page,
    pdf_bytes,
)
from .helpers import facts, get_ok, soup, squash, text_of

BRIDE_2004_APA = (
    "Bride, B. E., Robinson, M. M., Yegidis, B., & Figley, C. R. (2004). Development and "
    "validation of the Secondary Traumatic Stress Scale. Research on Social Work Practice, "
    "14(1), 27–35. https://doi.org/10.1177/1049731503254106"
)


def bride_2004():
    return ReferenceFactory(
        authors="Bride, B. E.\nRobinson, M. M.\nYegidis, B.\nFigley, C. R.",
        year="2004",
        title="Development and validation of the Secondary Traumatic Stress Scale",
        source="Research on Social Work Practice",
        volume="14",
        issue="1",
        pages="27–35",
        doi="10.1177/1049731503254106",
    )


def card_titles(response):
    return [squash(h.get_text()) for h in soup(response).select(".card--course .card__title")]


def cards(response):
    return {
        squash(card.select_one(".card__title").get_text()): {
            "summary": squash(card.select_one(".card__text").get_text()),
            **facts(card),
        }
        for card in soup(response).select(".card--course")
    }


def publish_change(page, **fields):
    """Change a live page the way an editor does: a new revision, published."""
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


# --- The course index -------------------------------------------------------------------------


@pytest.fixture
def catalogue(db):
    """Two published courses with different audiences and domains, and one draft course."""
    home = home_page()
    science = DomainPageFactory(parent=home, title="Science", slug="science")
    practice = DomainPageFactory(parent=home, title="Practice", slug="practice")
    staff = AudienceFactory(name="Front-line staff", slug="front-line-staff")
    supervisors = AudienceFactory(name="Supervisors", slug="supervisors")
    hr = AudienceFactory(name="HR staff and leaders", slug="hr-leaders")
    basics = CoursePageFactory(
        title="Understanding STS",
        summary="An introduction for front-line staff.",
        audiences=[staff, supervisors],
        domains=[science, practice],
    )
    for minutes in (45, 50, 30):
        ModulePageFactory(parent=basics, duration_minutes=minutes)
    organization = CoursePageFactory(
        title="An STS-informed organization",
        summary="Assessment, supervision and policy.",
        audiences=[hr],
        domains=[practice],
    )
    ModulePageFactory(parent=organization, duration_minutes=60)
    CoursePageFactory(title="Unfinished course", audiences=[hr], domains=[science], live=False)
    return {"index": course_index(), "basics": basics, "organization": organization}


def test_course_index_lists_every_published_course_with_its_facts(client, catalogue):
    response = get_ok(client, catalogue["index"].url)
    assert cards(response) == {
        "Understanding STS": {
            "summary": "An introduction for front-line staff.",
            "Modules": "3",
            "Duration": "2 h 5 min",
            "For": "Front-line staff, Supervisors",
            "Domains": "Science, Practice",
        },
        "An STS-informed organization": {
            "summary": "Assessment, supervision and policy.",
            "Modules": "1",
            "Duration": "1 h",
            "For": "HR staff and leaders",
            "Domains": "Practice",
        },
    }
    assert "2 courses" in text_of(response)
    links = [a["href"] for a in soup(response).select(".card--course .card__title a")]
    assert links == [catalogue["basics"].url, catalogue["organization"].url]


def test_course_index_offers_filter_links_for_the_audiences_and_domains_in_use(client, catalogue):
    page = soup(get_ok(client, catalogue["index"].url))
    filters = {squash(a.get_text()): a["href"] for a in page.select(".filters a")}
    assert filters == {
        "Everyone": "?",
        "Front-line staff": "?audience=front-line-staff",
        "HR staff and leaders": "?audience=hr-leaders",
        "Supervisors": "?audience=supervisors",
        "All domains": "?",
        "Science": "?domain=science",
        "Practice": "?domain=practice",
    }


@pytest.mark.parametrize(
    ("params", "titles", "count_line"),
    [
        ({"audience": "hr-leaders"}, ["An STS-informed organization"], "1 course for HR staff"),
        ({"audience": "supervisors"}, ["Understanding STS"], "1 course for Supervisors"),
        ({"domain": "science"}, ["Understanding STS"], "1 course in Science"),
        (
            {"domain": "practice"},
            ["Understanding STS", "An STS-informed organization"],
            "2 courses in Practice",
        ),
        (
            {"audience": "hr-leaders", "domain": "science"},
            [],
            "0 courses for HR staff and leaders in Science",
        ),
    ],
)
def test_filter_links_narrow_the_list(client, catalogue, params, titles, count_line):
    response = get_ok(client, catalogue["index"].url, **params)
    assert card_titles(response) == titles
    assert count_line in text_of(response)
    assert not soup(response).select(".message--error")
    if not titles:
        empty = soup(response).select_one(".empty-state")
        assert squash(empty.select_one(".empty-state__title").get_text()) == (
            "No courses match these filters."
        )
        actions = {squash(a.get_text()): a["href"] for a in empty.select("a")}
        assert actions["Clear the filters and show all courses"] == catalogue["index"].url


def test_chosen_filter_is_marked_current(client, catalogue):
    page = soup(get_ok(client, catalogue["index"].url, audience="supervisors"))
    current = [squash(a.get_text()) for a in page.select(".filters a[aria-current]")]
    assert current == ["Supervisors", "All domains"]


@pytest.mark.parametrize(
    "params",
    [
        {"audience": "no-such-audience"},
        {"domain": "no-such-domain"},
        {"audience": "<script>alert(1)</script>"},
        {"domain": "x" * 300},
    ],
)
def test_unknown_filter_is_a_404_with_the_message_and_every_course(client, catalogue, params):
    """A made-up filter value is not found (so no cache keeps a copy), but still helps."""
    response = client.get(catalogue["index"].url, params)
    assert response.status_code == 404
    assert "public" not in response["Cache-Control"]
    message = soup(response).select_one(".message--error")
    assert message is not None
    assert "That filter doesn’t match any audience or domain with courses" in squash(
        message.get_text()
    )
    assert card_titles(response) == ["Understanding STS", "An STS-informed organization"]
    assert b"<script>alert(1)</script>" not in response.content


# --- A course page ------------------------------------------------------------------------------


@pytest.fixture
def course(db):
    home = home_page()
    science = DomainPageFactory(parent=home, title="Science", slug="science")
    education = DomainPageFactory(parent=home, title="Education", slug="education")
    course = CoursePageFactory(
        title="Understanding STS",
        summary="An introduction to secondary traumatic stress for front-line staff.",
        format="blended",
        learning_objectives=[
            ("objective", "Define secondary traumatic stress."),
            ("objective", "Plan one step to support a colleague."),
        ],
        evidence_summary="<p>Rests on <b>peer-reviewed</b> work and the 2021 guidelines.</p>",
        last_reviewed=datetime.date(2026, 2, 2),
        audiences=[
            AudienceFactory(name="Front-line staff", slug="front-line-staff"),
            AudienceFactory(name="Trainers", slug="trainers"),
        ],
        domains=[education, science],
    )
    # Created in this order on purpose: the course lists them in tree order, not by title.
    ModulePageFactory(parent=course, title="Zeta: what STS is", duration_minutes=45,
                      evidence_level="research", summary="Defines STS.")  # fmt: skip
    ModulePageFactory(parent=course, title="Alpha: who is at risk", duration_minutes=90,
                      summary="Who is most exposed.")  # fmt: skip
    ModulePageFactory(parent=course, title="Mid: prevention", duration_minutes=60,
                      evidence_level="consensus", summary="What organizations can do.")  # fmt: skip
    return course


def test_course_page_shows_what_the_course_is_and_who_it_is_for(client, course):
    response = get_ok(client, course.url)
    page = soup(response)
    assert squash(page.h1.get_text()) == "Understanding STS"
    assert squash(page.select_one(".lead").get_text()) == (
        "An introduction to secondary traumatic stress for front-line staff."
    )
    assert facts(page) == {
        "Total duration": "3 h 15 min",
        "Modules": "3",
        "Format": "Blended",
        "Who it is for": "Front-line staff, Trainers",
        "Domains": "Science, Education",
        "Last reviewed": "2 February 2026",
    }
    domain_links = [a["href"] for a in page.select("dl.facts a")]
    assert domain_links == ["/science/", "/education/"]
    objectives = [squash(li.get_text()) for li in page.select(".objective-list li")]
    assert objectives == [
        "Define secondary traumatic stress.",
        "Plan one step to support a colleague.",
    ]
    evidence = page.select_one("#evidence-heading").find_parent("section")
    assert evidence.b.get_text() == "peer-reviewed"
    assert "the 2021 guidelines" in text_of(evidence)


def test_course_page_lists_its_modules_in_order_with_their_durations(client, course):
    page = soup(get_ok(client, course.url))
    modules = [
        (
            squash(item.select_one(".module-list__title").get_text()),
            squash(item.select_one(".module-list__meta").get_text()),
            squash(item.select("p")[-1].get_text()),
            item.a["href"],
        )
        for item in page.select(".module-list__item")
    ]
    children = list(ModulePage.objects.child_of(course).order_by("path"))
    assert modules == [
        ("Zeta: what STS is", "45 min · Research-supported", "Defines STS.", children[0].url),
        ("Alpha: who is at risk", "1 h 30 min · Practice-informed", "Who is most exposed.",
         children[1].url),
        ("Mid: prevention", "1 h · Expert consensus", "What organizations can do.",
         children[2].url),
    ]  # fmt: skip


def test_course_page_without_modules_says_so(client, db):
    course = CoursePageFactory(title="Coming soon")
    page = soup(get_ok(client, course.url))
    empty = page.select_one(".empty-state")
    assert "No modules are published in this course yet." in text_of(empty)
    actions = {squash(a.get_text()): a["href"] for a in empty.select("a")}
    assert actions == {
        "Browse other courses": course.get_parent().url,
        "Open the handout library": "/handouts/",
    }
    assert "Add all modules to a kit" not in text_of(page)
    assert facts(page)["Total duration"] == "—"
    assert facts(page)["Modules"] == "0"


# --- Total duration is added up, never typed ----------------------------------------------------


def course_total(client, course):
    return facts(soup(get_ok(client, course.url)))["Total duration"]


def index_card(client, course):
    return cards(get_ok(client, course_index().url))[course.title]


def test_course_has_no_duration_of_its_own():
    names = {field.name for field in CoursePage._meta.get_fields()}
    assert not {name for name in names if "duration" in name or "minutes" in name}


def test_total_duration_follows_the_modules(client, db):
    course = CoursePageFactory(title="Timed course")
    first = ModulePageFactory(parent=course, duration_minutes=45)
    second = ModulePageFactory(parent=course, duration_minutes=50)
    third = ModulePageFactory(parent=course, duration_minutes=30)
    assert course_total(client, course) == "2 h 5 min"
    assert index_card(client, course)["Duration"] == "2 h 5 min"

    publish_change(second, duration_minutes=20)
    assert course_total(client, course) == "1 h 35 min"
    assert index_card(client, course)["Duration"] == "1 h 35 min"

    ModulePage.objects.get(pk=third.pk).unpublish()
    assert course_total(client, course) == "1 h 5 min"
    card = index_card(client, course)
    assert (card["Modules"], card["Duration"]) == ("2", "1 h 5 min")
    assert facts(soup(client.get(course.url)))["Modules"] == "2"

    # A draft change is not what visitors see.
    draft = ModulePage.objects.get(pk=first.pk)
    draft.duration_minutes = 240
    draft.save_revision()
    assert course_total(client, course) == "1 h 5 min"


# --- A module page ------------------------------------------------------------------------------


@pytest.fixture
def module_course(db):
    """A course of three modules; the middle one has everything a module can have."""
    home = home_page()
    course = CoursePageFactory(title="Understanding STS")
    first = ModulePageFactory(parent=course, title="What STS is", duration_minutes=45,
                              content_warning="")  # fmt: skip
    slides = SlidesFactory(title="Who is at risk: slides (PowerPoint)", page_count=12)
    handout = HandoutFactory(
        title="Recognizing STS",
        description="Signs of STS and where to turn.",
        licence="cc-by-nc-sa-4.0",
        attribution="STS Learn demonstration material.",
    )
    one_pager = HandoutFactory(title="One-page summary", file__data=pdf_bytes(1))
    middle = ModulePageFactory(
        parent=course,
        title="Who is at risk",
        summary="Who is most exposed to STS and how to notice it.",
        duration_minutes=50,
        evidence_level="research",
        evidence_rationale="Peer-reviewed work measures STS (Bride et al., 2004).",
        learning_objectives=[
            ("objective", "Name groups at higher risk."),
            ("objective", "Describe early signs of STS."),
        ],
        key_messages=[
            ("message", "Anyone exposed to others' trauma at work can develop STS."),
            ("message", "Early signs are easy to miss."),
        ],
        activities=[
            (
                "activity",
                {
                    "title": "Pair discussion: what helps?",
                    "minutes": 15,
                    "instructions": "In pairs, list what helps after a hard call.",
                    "materials": "Sticky notes; the handout.",
                },
            ),
            (
                "activity",
                {
                    "title": "Closing round",
                    "minutes": 5,
                    "instructions": "Each person names one thing to try.",
                    "materials": "",
                },
            ),
        ],
        facilitator_notes=RichText("<p>Open with <b>group agreements</b>.</p>"),
        content_warning="This module discusses reactions to other people's trauma.",
        last_reviewed=timezone.localdate() - relativedelta(months=2),
        domains=[DomainPageFactory(parent=home, title="Science", slug="science")],
        references=[bride_2004(), ReferenceFactory(title="A second study", year="2019")],
        slides=[slides],
        handouts=[handout, one_pager],
    )
    last = ModulePageFactory(parent=course, title="Prevention", duration_minutes=60)
    return {
        "course": course,
        "first": first,
        "middle": middle,
        "last": last,
        "slides": slides,
        "handout": handout,
        "one_pager": one_pager,
    }


def test_module_page_shows_its_summary_objectives_and_key_messages(client, module_course):
    middle = module_course["middle"]
    page = soup(get_ok(client, middle.url))
    assert squash(page.h1.get_text()) == "Who is at risk"
    assert squash(page.select_one(".eyebrow").get_text()) == "Module 2 of 3"
    # The course is named once, by the breadcrumb (the only way up on a phone).
    way_up = page.select(".breadcrumbs a")[-1]
    assert (squash(way_up.get_text()), way_up["href"]) == (
        "Understanding STS",
        module_course["course"].url,
    )
    assert squash(page.select_one(".lead").get_text()) == (
        "Who is most exposed to STS and how to notice it."
    )
    assert [squash(li.get_text()) for li in page.select(".objective-list li")] == [
        "Name groups at higher risk.",
        "Describe early signs of STS.",
    ]
    assert [squash(li.get_text()) for li in page.select(".key-messages li")] == [
        "Anyone exposed to others' trauma at work can develop STS.",
        "Early signs are easy to miss.",
    ]


def test_module_page_shows_duration_and_review_dates(client, module_course):
    middle = module_course["middle"]
    last_reviewed = middle.last_reviewed
    next_review = last_reviewed + relativedelta(months=12)
    page = soup(get_ok(client, middle.url))
    assert facts(page) == {
        "Duration": "50 min",
        "Evidence level": "Research-supported",
        "Last reviewed": f"{last_reviewed.day} {last_reviewed:%B %Y}",
        "Next review": f"{next_review.day} {next_review:%B %Y}",
    }
    assert page.select_one("dl.facts time")["datetime"] == last_reviewed.isoformat()
    assert "Due for review" not in text_of(page)


def test_module_page_explains_its_evidence_level(client, module_course):
    page = soup(get_ok(client, module_course["middle"].url))
    section = page.select_one("#evidence-heading").find_parent("section")
    assert squash(section.h2.get_text()) == "Evidence: Research-supported"
    assert "Peer-reviewed work measures STS (Bride et al., 2004)." in text_of(section)
    scale = {
        squash(div.dt.get_text()): squash(div.dd.get_text())
        for div in section.select(".evidence-scale dl > div")
    }
    assert scale == {
        "Research-supported": "Peer-reviewed studies support it.",
        "Expert consensus": "A published consensus or guideline supports it, such as the 2021 "
        "consensus guidelines.",
        "Practice-informed": "It is drawn from practice and has not yet been studied.",
    }


def test_module_page_lists_references_in_apa_style(client, module_course):
    page = soup(get_ok(client, module_course["middle"].url))
    items = page.select(".reference-list li")
    assert squash(items[0].get_text()) == BRIDE_2004_APA
    assert [i.get_text() for i in items[0].select("i")] == ["Research on Social Work Practice, 14"]
    doi = items[0].select_one("a")
    assert doi["href"] == "https://doi.org/10.1177/1049731503254106"
    assert doi.get_text() == "https://doi.org/10.1177/1049731503254106"
    assert squash(items[1].get_text()).startswith("Bride, B. E., & Robinson, M. M. (2019). ")
    downloads = {squash(a.get_text()): a["href"] for a in page.select(".reference-downloads a")}
    url = module_course["middle"].url
    assert downloads == {
        "RIS (EndNote, Zotero, Mendeley)": f"{url}references/ris/",
        "BibTeX": f"{url}references/bibtex/",
    }


def test_module_page_shows_activities_and_facilitator_notes(client, module_course):
    page = soup(get_ok(client, module_course["middle"].url))
    activities = [
        (
            squash(a.select_one(".activity__title").get_text()),
            squash(a.select("p")[0].get_text()),
            squash(a.select_one(".activity__materials").get_text())
            if a.select_one(".activity__materials")
            else None,
        )
        for a in page.select(".activity")
    ]
    assert activities == [
        ("Pair discussion: what helps? 15 min", "In pairs, list what helps after a hard call.",
         "Materials: Sticky notes; the handout."),
        ("Closing round 5 min", "Each person names one thing to try.", None),
    ]  # fmt: skip
    notes = page.select_one("#notes-heading").find_parent("section")
    assert notes.b.get_text() == "group agreements"


def test_module_page_shows_its_content_warning_and_none_when_empty(client, module_course):
    warning = soup(get_ok(client, module_course["middle"].url)).select_one(".callout--warning")
    assert squash(warning.get_text(" ")) == (
        "Content warning This module discusses reactions to other people's trauma."
    )
    for module in (module_course["first"], module_course["last"]):
        response = get_ok(client, module.url)
        assert not soup(response).select(".callout--warning")
        assert "Content warning" not in text_of(response)


def test_module_page_lists_slides_and_handouts_with_format_size_and_pages(client, module_course):
    page = soup(get_ok(client, module_course["middle"].url))
    side = page.select_one(".module-layout__side")
    lists = side.select(".document-list")
    slides, handout, one_pager = (
        module_course["slides"],
        module_course["handout"],
        module_course["one_pager"],
    )

    def row(item):
        return (
            squash(item.select_one(".document-list__link").get_text()),
            item.select_one(".document-list__link")["href"],
            squash(item.select_one(".document-list__meta").get_text()),
        )

    assert [squash(h.get_text()) for h in side.select("h3")] == ["Slides", "Handouts"]
    assert [row(i) for i in lists[0].select("li")] == [
        (slides.title, slides.url, squash(f"PPTX, {filesizeformat(slides.file_size)}, 12 slides")),
    ]
    assert [row(i) for i in lists[1].select("li")] == [
        (handout.title, handout.url, squash(f"PDF, {filesizeformat(handout.file_size)}, 2 pages")),
        (one_pager.title, one_pager.url,
         squash(f"PDF, {filesizeformat(one_pager.file_size)}, 1 page")),
    ]  # fmt: skip
    first_handout = lists[1].select("li")[0]
    assert "Signs of STS and where to turn." in text_of(first_handout)
    assert "CC BY-NC-SA 4.0. STS Learn demonstration material." in text_of(first_handout)


def test_module_without_materials_says_so(client, module_course):
    side = soup(get_ok(client, module_course["first"].url)).select_one(".module-layout__side")
    assert "This module has no slides or handouts yet." in text_of(side)
    assert [a["href"] for a in side.select(".empty-state a")] == ["/handouts/"]


def test_module_pages_link_to_the_previous_and_next_module(client, module_course):
    first, middle, last = (module_course[k] for k in ("first", "middle", "last"))

    def pager(module):
        nav = soup(get_ok(client, module.url)).select_one("nav.pager")
        return {a.get("rel", ["up"])[0]: (a["href"], squash(a.get_text())) for a in nav("a")}

    up = (module_course["course"].url, "All modules of Understanding STS")
    assert pager(first) == {"up": up, "next": (middle.url, "Next module Who is at risk")}
    assert pager(middle) == {
        "prev": (first.url, "Previous module What STS is"),
        "up": up,
        "next": (last.url, "Next module Prevention"),
    }
    assert pager(last) == {"prev": (middle.url, "Previous module Who is at risk"), "up": up}


def test_pager_skips_an_unpublished_module(client, module_course):
    ModulePage.objects.get(pk=module_course["middle"].pk).unpublish()
    nav = soup(get_ok(client, module_course["first"].url)).select_one("nav.pager")
    assert nav.select_one("a[rel=next]")["href"] == module_course["last"].url
    eyebrow = soup(client.get(module_course["last"].url)).select_one(".eyebrow")
    assert squash(eyebrow.get_text()).startswith("Module 2 of 2")


# --- Review dates -------------------------------------------------------------------------------


def review_notice(client, module):
    return soup(get_ok(client, module.url)).select_one(".notice--review")


def months_ago(months, days=0):
    return timezone.localdate() - relativedelta(months=months) - datetime.timedelta(days=days)


def test_module_past_its_review_date_shows_due_for_review(client, db):
    last_reviewed = months_ago(13)
    module = ModulePageFactory(last_reviewed=last_reviewed)
    notice = review_notice(client, module)
    assert notice is not None
    due = last_reviewed + relativedelta(months=12)
    assert squash(notice.get_text(" ")) == (
        f"Due for review This module was last reviewed on {last_reviewed.day} "
        f"{last_reviewed:%B %Y} and was due for review on {due.day} {due:%B %Y}. Check its "
        "content against current evidence before you deliver it."
    )


@pytest.mark.parametrize(
    ("last_reviewed", "due"),
    [
        (months_ago(11), False),
        (months_ago(12), False),  # due today: not yet past
        (months_ago(12, days=1), True),
        (None, False),  # never reviewed: no date to be past
    ],
    ids=["11-months", "exactly-12-months", "12-months-and-a-day", "never-reviewed"],
)
def test_review_notice_follows_the_twelve_month_default(client, db, last_reviewed, due):
    module = ModulePageFactory(last_reviewed=last_reviewed)
    assert (review_notice(client, module) is not None) is due


def test_shorter_review_interval_makes_a_module_due(client, db):
    module = ModulePageFactory(last_reviewed=months_ago(7))
    assert review_notice(client, module) is None
    settings = SiteSettings.for_site(module.get_site())
    settings.review_interval_months = 6
    settings.save()
    page = soup(get_ok(client, module.url))
    assert page.select_one(".notice--review") is not None
    next_review = months_ago(1)
    assert facts(page)["Next review"] == f"{next_review.day} {next_review:%B %Y}"

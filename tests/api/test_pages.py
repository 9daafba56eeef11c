"""/api/v2/pages/: the published courses and modules, and nothing an anonymous visitor may not
see, whoever asks."""

import pytest

from tests.api.helpers import PAGES, get_json, page_url, titles
from tests.api.world import HIDDEN_TITLES

HIDDEN_PAGES = ["draft", "trainer_only", "offline_course", "offline_module", "hidden_domain"]


def test_lists_the_public_pages_only(asker, world):
    listing = get_json(asker, PAGES)
    assert [item["title"] for item in listing["items"]] == [
        "STS Learn",
        "Science",
        "Courses",
        "Understanding STS",
        "Public module",
    ]
    assert listing["meta"]["total_count"] == 5


def test_lists_courses_and_modules_by_type(asker, world):
    assert titles(asker, PAGES, type="courses.CoursePage") == ["Understanding STS"]
    assert titles(asker, PAGES, type="courses.ModulePage") == ["Public module"]
    assert titles(asker, PAGES, child_of=world["course"].pk) == ["Public module"]


@pytest.mark.parametrize("hidden", HIDDEN_PAGES)
def test_a_hidden_page_is_not_found_like_a_missing_one(asker, world, hidden):
    missing = get_json(asker, page_url(999_999), status=404)
    assert get_json(asker, page_url(world[hidden].pk), status=404) == missing


@pytest.mark.parametrize("hidden", ["trainer_only", "offline_course", "hidden_domain"])
def test_a_hidden_page_cannot_be_a_filter(asker, world, hidden):
    """Its children or descendants are not listed, and the answer is that of a missing page."""
    for name in ("child_of", "descendant_of", "ancestor_of"):
        missing = get_json(asker, PAGES, status=400, **{name: 999_999})
        assert get_json(asker, PAGES, status=400, **{name: world[hidden].pk}) == missing


def test_search_finds_no_hidden_page(asker, world):
    assert titles(asker, PAGES, search="module") == ["Public module"]
    assert titles(asker, PAGES, search="trainer-only") == []
    assert titles(asker, PAGES, search="unpublished") == []


def test_finding_a_hidden_page_by_its_address_is_not_found(asker, world):
    url = world["trainer_only"].url
    assert get_json(asker, f"{PAGES}find/", status=404, html_path=url) == {"message": "not found"}
    found = asker.get(f"{PAGES}find/", {"html_path": world["public"].url})
    assert found.status_code == 302
    assert found["Location"].startswith(f"http://localhost{page_url(world['public'].pk)}")


def test_course_fields(asker, world):
    [course] = get_json(asker, PAGES, type="courses.CoursePage", fields="*")["items"]
    assert course["summary"] == "What Understanding STS teaches, in one sentence."
    assert course["audiences"] == ["Supervisors"]
    assert course["domains"] == [
        {
            "id": world["science"].pk,
            "title": "Science",
            "slug": "science",
            "html_url": "http://localhost/science/",
        }
    ]
    assert course["learning_objectives"] == ["Describe three signs of secondary traumatic stress."]
    assert course["total_duration_minutes"] == 45  # not the draft's 30 or the trainers' 50
    assert course["evidence_summary"] == "<p>The course rests on the 2021 consensus guidelines.</p>"
    assert course["meta"]["html_url"] == "http://localhost/courses/understanding-sts/"


def test_module_fields(asker, world):
    module = get_json(asker, page_url(world["public"].pk))
    assert module["meta"]["parent"]["title"] == "Understanding STS"
    assert (module["duration_minutes"], module["evidence_level"]) == (45, "consensus")
    assert module["evidence_level_label"] == "Expert consensus"
    assert module["learning_objectives"] == ["Name the three kinds of reaction."]
    assert module["key_messages"] == ["Secondary traumatic stress is a normal response."]
    [reference] = module["references"]
    assert reference["citation"].startswith("Bride, B. E., & Robinson, M. M. (2004). Compassion")
    assert reference["doi"].startswith("10.1000/sts.")
    assert reference["url"] == f"https://doi.org/{reference['doi']}"
    assert [domain["title"] for domain in module["domains"]] == ["Science"]


def test_module_materials_are_the_files_anyone_may_download(asker, world):
    """Not the file in a private collection, nor in one below it, nor the slides printed from
    the trainer-only module, though the module links all three."""
    materials = get_json(asker, page_url(world["public"].pk))["materials"]
    slides, handout = world["public_slides"], world["handout"]
    assert materials == {
        "slides": [
            {
                "id": slides.pk,
                "title": "Public slides",
                "kind": "slides",
                "format": "PPTX",
                "download_url": f"http://localhost{slides.url}",
            }
        ],
        "handouts": [
            {
                "id": handout.pk,
                "title": "Public handout",
                "kind": "handout",
                "format": "PDF",
                "download_url": f"http://localhost{handout.url}",
            }
        ],
    }


def test_every_field_of_every_page_keeps_hidden_titles_out(asker, world):
    for params in ({"fields": "*"}, {"type": "courses.ModulePage", "fields": "*"}):
        content = asker.get(PAGES, params).content.decode()
        for title in HIDDEN_TITLES:
            assert title not in content

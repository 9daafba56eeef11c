"""Lists on the consortium's pages that can be empty say so and offer the next step."""

import pytest
from bs4 import BeautifulSoup


def empty_state(response, within="main"):
    page = BeautifulSoup(response.content, "html.parser")
    empty = page.select_one(f"{within} .empty-state")
    assert empty is not None
    title = " ".join(empty.select_one(".empty-state__title").get_text().split())
    links = {" ".join(a.get_text().split()): a["href"] for a in empty.select("a")}
    return title, links


@pytest.mark.django_db
def test_home_page_without_featured_courses_points_to_all_courses(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    title, links = empty_state(response, within="section[aria-labelledby=featured-heading]")
    assert title == "No course is featured yet."
    assert links == {"Browse all courses": "/courses/", "Open the handout library": "/handouts/"}


@pytest.mark.django_db
def test_domain_without_courses_points_to_the_courses_and_the_library(client, demo_site):
    response = client.get("/science/")
    assert response.status_code == 200
    title, links = empty_state(response, within="section[aria-labelledby=domain-courses-heading]")
    assert title == "No published course is tagged with this domain yet."
    assert links == {"Browse all courses": "/courses/", "Open the handout library": "/handouts/"}

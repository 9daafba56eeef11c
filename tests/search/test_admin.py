"""Editors look after site search in the admin: synonyms, promoted results, and the report of
searches that found nothing."""

import csv
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from search.models import SynonymGroup, UnansweredQuery
from tests.courses.factories import ModulePageFactory


@pytest.fixture
def module(db):
    return ModulePageFactory(title="Debriefing after a critical incident", summary="Team debriefs.")


def found(client, query):
    page = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
    return [h3.get_text(strip=True) for h3 in page.select("ol.search-results h3")]


@pytest.mark.django_db
def test_an_editor_adds_a_synonym_and_search_understands_it(
    editor_client, client, module, django_capture_on_commit_callbacks
):
    assert found(client, "CISD") == []
    add_url = reverse("wagtailsnippets_search_synonymgroup:add")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(add_url, {"words": "CISD, critical incident"})
    assert response.status_code == 302
    assert SynonymGroup.objects.filter(words="CISD, critical incident").exists()
    assert found(client, "CISD") == ["Debriefing after a critical incident"]


@pytest.mark.django_db
def test_an_empty_synonym_is_refused_with_a_message(editor_client):
    response = editor_client.post(reverse("wagtailsnippets_search_synonymgroup:add"), {"words": ""})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()


@pytest.mark.django_db
def test_the_report_lists_searches_that_found_nothing_for_editors(editor_client, client, module):
    for _ in range(3):
        client.get("/search/", {"q": "mindfulness"})
    client.get("/search/", {"q": "sleep hygiene"})
    response = editor_client.get(reverse("unanswered_searches"))
    assert response.status_code == 200
    rows = [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in BeautifulSoup(response.content, "html.parser").select("tbody tr")
    ]
    assert rows[0][:2] == ["mindfulness", "3"]
    assert rows[1][:2] == ["sleep hygiene", "1"]


@pytest.mark.django_db
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_report_exports(editor_client, export):
    UnansweredQuery.objects.create(query="moral injury", hits=4)
    response = editor_client.get(reverse("unanswered_searches"), {"export": export})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    if export == "csv":
        rows = list(csv.reader(io.StringIO(content.decode())))
        assert rows[0][:2] == ["Search", "Times"]
        assert rows[1][:2] == ["moral injury", "4"]
    else:
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        values = [[cell.value for cell in row][:2] for row in workbook.active.iter_rows()]
        assert values[:2] == [["Search", "Times"], ["moral injury", 4]]


@pytest.mark.django_db
def test_people_without_the_permission_cannot_open_the_report(client, django_user_model):
    UnansweredQuery.objects.create(query="private words", hits=1)
    assert client.get(reverse("unanswered_searches")).status_code == 302  # to sign in
    trainer = django_user_model.objects.create_user("trainer-y", password="pw")
    trainer.groups.add(Group.objects.get_or_create(name="Trainers")[0])
    client.force_login(trainer)
    response = client.get(reverse("unanswered_searches"))
    assert "private words" not in response.content.decode()
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_the_list_of_searches_that_found_nothing_is_bounded(client, module, monkeypatch):
    monkeypatch.setattr("search.views.MAX_UNANSWERED", 2)
    for word in ("alpha", "bravo", "charlie", "alpha"):
        client.get("/search/", {"q": f"{word}zz"})
    assert dict(UnansweredQuery.objects.values_list("query", "hits")) == {
        "alphazz": 2,
        "bravozz": 1,
    }

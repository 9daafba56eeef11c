"""A trainer-only file, as an anonymous visitor, an HR leader and a trainer meet it everywhere.

The first two see at most a locked entry (its title and kind, "Trainers only", who may open it,
Sign in and Request trainer access): never its address, description or text. A trainer gets the
file, kept by nobody but their own browser.
"""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from courses.collections import trainer_only_materials
from courses.models import DocumentKind
from home.models import SiteSettings
from roles.groups import HR_LEADERS, TRAINERS
from tests.api.helpers import DOCUMENTS, PAGES, get_json, page_url
from tests.api.helpers import titles as api_titles
from tests.kits.helpers import download, kit_query, materials, readme_text
from tests.library.factories import HandoutLibraryPageFactory
from tests.library.helpers import titles as library_titles

from .factories import CoursePageFactory, HandoutFactory, ModulePageFactory, home_page
from .helpers import soup, squash

TITLE = "Zanderfell sorting answer key"
TITLE_WORD = "zanderfell"  # in the title only
TEXT_WORD = "quillowick"  # inside the file's text only
DESCRIPTION = "Which vignette belongs on which mat."
LOCKED_SENTENCE = "For trainers of the consortium: sign in with a trainer account to open it."
ASKERS = ["anonymous", "hr", "trainer"]


@pytest.fixture
def world(db):
    home = home_page()
    SiteSettings.for_site(home.get_site())
    library = HandoutLibraryPageFactory()
    course = CoursePageFactory(title="Telling them apart")
    answer_key = HandoutFactory(
        title=TITLE,
        kind=DocumentKind.FACILITATOR_GUIDE,
        description=DESCRIPTION,
        collection=trainer_only_materials(),
    )
    # What the background task reads from the file; saving indexes it for search.
    answer_key.extracted_text = f"Card 3 goes on the Both mat: {TEXT_WORD} cues."
    answer_key.save()
    module = ModulePageFactory(
        parent=course,
        title="Sort the scenarios",
        handouts=[HandoutFactory(title="Burnout or STS?"), answer_key],
    )
    return {"module": module, "answer_key": answer_key, "library": library}


@pytest.fixture(params=ASKERS)
def asker(request, client, django_user_model):
    """(who, a client signed in as them)."""
    groups = {"hr": HR_LEADERS, "trainer": TRAINERS}
    if request.param in groups:
        user = django_user_model.objects.create_user(f"{request.param}-user", password="pw")
        user.groups.add(Group.objects.get(name=groups[request.param]))
        client.force_login(user)
    return request.param, client


def inline_url(document):
    return reverse("wagtaildocs_serve_inline", args=[document.pk, document.filename])


def locked_entries(response):
    """{title: {"text": ..., "links": {text: href}}} of the locked entries of a page."""
    found = {}
    for entry in soup(response).select(".locked-entry"):
        title = squash(entry.select_one(".locked-entry__title").get_text())
        found[title] = {
            "text": squash(entry.get_text()),
            "links": {squash(a.get_text()): a["href"] for a in entry.select("a")},
            "html": str(entry),
        }
    return found


def assert_locked(response, document, back_to):
    """The page names the document in a locked entry, and nothing else of it."""
    entry = locked_entries(response)[document.title]
    assert "Trainers only" in entry["text"]
    assert document.get_kind_display() in entry["text"]
    assert LOCKED_SENTENCE in entry["text"]
    sign_in = f"/sign-in/?next={quote(back_to, safe='')}"
    assert entry["links"] == {
        f"Sign in to open {document.title}": sign_in,
        "Request trainer access": "/request-access/",
    }
    # The address asked for comes back where the page returns to it (Sign in, Sign out).
    html = response.content.decode().replace(sign_in, "").replace(back_to, "")
    assert 'aria-hidden="true"' in entry["html"].split("<svg", 1)[1].split(">", 1)[0]
    for secret in (
        document.url,
        inline_url(document),
        f"/documents/{document.pk}/",
        DESCRIPTION,
        TEXT_WORD,
        document.filename,
    ):
        assert secret not in html, secret


def test_module_page(asker, world):
    who, client = asker
    module, answer_key = world["module"], world["answer_key"]
    response = client.get(module.url)
    assert response.status_code == 200
    links = {squash(a.get_text()): a["href"] for a in soup(response).select(".document-list a")}
    assert links["Burnout or STS?"].startswith("/documents/")
    if who == "trainer":
        assert links[TITLE] == answer_key.url
        assert locked_entries(response) == {}
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
    else:
        assert TITLE not in links
        assert_locked(response, answer_key, back_to=module.url)
    if who == "anonymous":
        # The same locked entry for every anonymous visitor: the page stays shared.
        assert "public" in response["Cache-Control"]
        assert not response.cookies
    if who == "hr":
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]


@pytest.mark.parametrize("address", ["download", "inline"])
def test_direct_addresses(asker, world, address):
    who, client = asker
    answer_key = world["answer_key"]
    url = answer_key.url if address == "download" else inline_url(answer_key)
    response = client.get(url)
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    if who == "trainer":
        assert response.status_code == 200
        content = b"".join(response.streaming_content)
        answer_key.file.open("rb")
        with answer_key.file:
            assert content == answer_key.file.read()
        disposition = "attachment" if address == "download" else "inline"
        assert response["Content-Disposition"].startswith(disposition)
        assert {"private", "no-store"} <= cache_control
        return
    assert response.status_code == 403
    assert {"private", "no-store"} <= cache_control
    assert not response.has_header("Content-Disposition")
    assert b"%PDF" not in response.content
    assert squash(soup(response).select_one("h1").get_text()) == "This file is for trainers"
    assert_locked(response, answer_key, back_to=url)


def test_a_trainer_signing_in_from_the_locked_page_gets_the_file(client, world, django_user_model):
    """The Sign in link of the locked page brings a trainer back to the file itself."""
    answer_key = world["answer_key"]
    refused = client.get(answer_key.url)
    sign_in = locked_entries(refused)[TITLE]["links"][f"Sign in to open {TITLE}"]
    trainer = django_user_model.objects.create_user("returning-trainer", password="pw")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    response = client.post(sign_in, {"username": "returning-trainer", "password": "pw"})
    assert response.status_code == 302
    assert response["Location"] == answer_key.url
    assert client.get(response["Location"]).status_code == 200


def test_handout_library_lists_it_locked_for_who_may_not_open_it(asker, world):
    who, client = asker
    answer_key, library = world["answer_key"], world["library"].url
    response = client.get(library)
    assert response.status_code == 200
    if who == "trainer":
        assert TITLE in library_titles(response)
        assert locked_entries(response) == {}
    else:
        assert library_titles(response) == ["Burnout or STS?"]
        assert "1 handout" in squash(soup(response).select_one(".result-count").get_text())
        assert list(locked_entries(response)) == [TITLE]
        assert_locked(response, answer_key, back_to=library)


def test_handout_library_words_never_search_its_text_for_who_may_not_open_it(asker, world):
    who, client = asker
    library = world["library"].url
    by_text = client.get(library, {"q": TEXT_WORD})
    by_title = client.get(library, {"q": TITLE_WORD})
    if who == "trainer":
        assert library_titles(by_text) == [TITLE]
        assert library_titles(by_title) == [TITLE]
        return
    assert library_titles(by_text) == []
    assert locked_entries(by_text) == {}
    assert TITLE not in by_text.content.decode()
    # Its title is what it shows, so a word of the title names it, locked.
    assert library_titles(by_title) == []
    assert list(locked_entries(by_title)) == [TITLE]
    # Only the kind among the filters may select it: the kind is what the entry shows.
    assert list(locked_entries(client.get(library, {"kind": "guide"}))) == [TITLE]
    assert locked_entries(client.get(library, {"kind": "handout"})) == {}


def search_titles(response):
    return [
        squash(item.select_one("h3").get_text())
        for item in soup(response).select("ol.search-results .search-results__item")
    ]


@pytest.mark.parametrize("word", [TEXT_WORD, TITLE_WORD])
def test_site_search(asker, world, word):
    who, client = asker
    response = client.get("/search/", {"q": word})
    assert response.status_code == 200
    if who == "trainer":
        assert search_titles(response) == [TITLE]
    else:
        assert search_titles(response) == []
        assert TITLE not in response.content.decode()
        assert world["answer_key"].url not in response.content.decode()


def test_kit_zip_holds_it_for_a_trainer_only(asker, world):
    who, client = asker
    archive = download(client, kit_query([world["module"]]))
    names = [name.split(" - ", 2)[-1] for name in materials(archive)]
    assert any(name.startswith("Burnout or STS") for name in names), names
    assert (f"{TITLE}.pdf" in names) == (who == "trainer"), names
    everything = " ".join(archive.namelist())
    if who != "trainer":
        assert TITLE not in everything + readme_text(archive)
        # The README says a file was left out, and how to have it, never which.
        assert "1 file of “Sort the scenarios” is not available" in readme_text(archive)


def test_api_and_feed_never_list_it(asker, world):
    _who, client = asker
    answer_key = world["answer_key"]
    assert TITLE not in api_titles(client, DOCUMENTS)
    assert api_titles(client, DOCUMENTS, search=TITLE_WORD) == []
    assert api_titles(client, DOCUMENTS, id=answer_key.pk) == []
    module = get_json(client, page_url(world["module"].pk))
    offered = str(module["materials"])
    assert "Burnout or STS?" in offered
    assert TITLE not in offered
    assert answer_key.url not in offered
    assert TITLE not in str(get_json(client, PAGES, type="courses.ModulePage", fields="*"))
    feed = client.get(reverse("materials_feed")).content.decode()
    assert "Burnout or STS?" in feed
    assert TITLE not in feed
    assert TEXT_WORD not in feed


def test_searching_never_tells_whether_its_text_holds_a_word(asker, world):
    """A word only the hidden file holds is answered as a word nothing holds: left out, named as
    unknown, the other words' results shown. Otherwise "burnout <word>" finding nothing would
    tell a visitor the hidden file mentions <word>."""
    who, client = asker
    if who == "trainer":
        return
    nonsense = "zzqxnotaword"
    for url in ("/search/", world["library"].url):
        hidden = client.get(url, {"q": f"burnout {TEXT_WORD}"})
        absent = client.get(url, {"q": f"burnout {nonsense}"})
        hidden_text = squash(soup(hidden).get_text(" ")).replace(TEXT_WORD, "WORD")
        absent_text = squash(soup(absent).get_text(" ")).replace(nonsense, "WORD")
        assert "Burnout or STS?" in hidden_text, url
        assert hidden_text == absent_text, url

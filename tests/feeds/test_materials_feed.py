"""/feeds/materials/: valid Atom, the newest public modules and files, nothing hidden."""

import datetime
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from courses.models import CourseDocument
from tests.api.world import HIDDEN_TITLES
from tests.courses.factories import HandoutFactory

ATOM = "{http://www.w3.org/2005/Atom}"
FEED = "/feeds/materials/"


def read_feed(client):
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def entries(feed):
    return feed.findall(f"{ATOM}entry")


def text(element, name):
    found = element.find(f"{ATOM}{name}")
    assert found is not None, f"no <{name}>"
    return found.text


def test_the_feed_is_valid_atom(client, world):
    feed = read_feed(client)
    assert feed.tag == f"{ATOM}feed"
    assert text(feed, "id") == "http://testserver/feeds/materials/"
    assert text(feed, "title") == "STS Learn: new and updated materials"
    assert datetime.datetime.fromisoformat(text(feed, "updated"))
    assert text(feed.find(f"{ATOM}author"), "name") == "STS Learn"
    assert entries(feed)
    for entry in entries(feed):
        assert text(entry, "id").startswith("http://testserver/api/v2/")
        assert text(entry, "title")
        assert datetime.datetime.fromisoformat(text(entry, "updated"))
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/")


def test_lists_public_modules_and_files_newest_first(client, world):
    feed = read_feed(client)
    listed = {text(entry, "title"): entry for entry in entries(feed)}
    assert set(listed) == {"Public module", "Public slides", "Public handout"}
    module = listed["Public module"]
    assert module.find(f"{ATOM}link").get("href") == f"http://testserver{world['public'].url}"
    assert text(module, "summary") == "What Public module covers."
    assert module.find(f"{ATOM}category").get("term") == "Module"
    handout = listed["Public handout"]
    assert handout.find(f"{ATOM}link").get("href") == f"http://testserver{world['handout'].url}"
    assert text(handout, "summary") == "A one-page summary of warning signs."
    assert handout.find(f"{ATOM}category").get("term") == "Handout"
    assert listed["Public slides"].find(f"{ATOM}category").get("term") == "Slides"
    updated = [text(entry, "updated") for entry in entries(feed)]
    assert updated == sorted(updated, reverse=True)


def test_no_hidden_item_for_anyone(client, world, django_user_model):
    """Not the draft, trainer-only or unpublished-branch modules, nor private files or the
    slides of the trainer-only module, even for someone signed in who may see them all."""
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "pw"))
    content = client.get(FEED).content.decode()
    for title in HIDDEN_TITLES:
        assert title not in content


def test_a_regenerated_file_comes_first(client, world):
    document = world["public_slides"]
    document.created_at = timezone.now() - datetime.timedelta(days=30)
    document.generated_at = timezone.now() + datetime.timedelta(minutes=1)
    document.save(update_fields=["created_at", "generated_at"])
    assert text(entries(read_feed(client))[0], "title") == "Public slides"


def test_holds_the_latest_fifty(client, world):
    HandoutFactory.create_batch(50, title="Newer handout")
    oldest = timezone.now() - datetime.timedelta(days=365)
    CourseDocument.objects.exclude(title="Newer handout").update(created_at=oldest)
    listed = [text(entry, "title") for entry in entries(read_feed(client))]
    assert listed == ["Newer handout"] * 50


def test_the_feed_is_shared_for_a_minute_without_cookies(client, world):
    response = client.get(FEED)
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_every_page_links_the_feed(client, world):
    response = client.get(world["home"].url)
    assert response.status_code == 200
    link = BeautifulSoup(response.content, "html.parser").select_one(
        'head link[rel="alternate"][type="application/atom+xml"]'
    )
    assert link["href"] == reverse("materials_feed") == FEED
    assert link["title"] == "STS Learn: new and updated materials"


def test_no_host_header_reaches_the_addresses_of_the_shared_feed(client, world):
    """Django accepts a known host on any port; the feed, shared by caches, must not echo it."""
    response = client.get("/feeds/materials/", HTTP_HOST="testserver:6666")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    addresses = [text(feed, "id")] + [link.get("href") for link in feed.iter(f"{ATOM}link")]
    addresses += [text(entry, "id") for entry in entries(feed)]
    assert len(addresses) > 4
    for address in addresses:
        assert address.startswith("http://testserver/"), address

"""What a visitor of the served site gets for a missing page, a media path, a bad host."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

from tests.courses.factories import HandoutFactory, home_page

from .conftest import fetch

pytestmark = pytest.mark.serving


def test_a_missing_page_is_the_sites_own_404_never_a_debug_page(site, committed_db):
    home_page()
    status, _, body = fetch(f"{site}/no-such-page/")
    assert status == 404
    assert "We can’t find that page" in body
    assert "URLconf" not in body and "Traceback" not in body and "DEBUG" not in body


def test_media_files_are_never_served_outside_the_document_view(site, committed_db):
    private = Collection.get_first_root_node().add_child(name="Trainer files")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type="groups"
    )
    restriction.groups.set([Group.objects.get_or_create(name="Trainers")[0]])
    answer_key = HandoutFactory(title="Answer key", collection=private)
    assert fetch(f"{site}/media/{answer_key.file.name}")[0] == 404
    status, headers, body = fetch(f"{site}{answer_key.url}")
    assert status == 403 and "This file is for trainers" in body  # the locked page, no file
    assert "%PDF" not in body and "no-store" in headers["Cache-Control"]


def test_a_request_for_another_host_is_a_plain_400(site, committed_db):
    status, _, body = fetch(f"{site}/", {"Host": "evil.example"})
    assert status == 400
    assert "does not answer for that host name" in body

"""The public "Share a resource" form: what is kept, what is refused and how people are told."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from contributions import throttling
from contributions.models import SharedResource, Status
from tests.courses.factories import AudienceFactory, home_page
from tests.courses.helpers import REFUSED_UPLOAD_IDS, REFUSED_UPLOADS, soup, text_of
from tests.home.factories import DomainPageFactory

from .helpers import SHARE_URL, THANKS_URL, a_pdf, form_data, private_files, share

pytestmark = pytest.mark.django_db


def errors_shown(response):
    """The error summary and the messages next to the fields, as a visitor reads them."""
    page = soup(response)
    summary = page.select_one(".share-resource__summary")
    assert summary is not None, "no error summary"
    return " ".join(summary.get_text(" ").split())


def test_the_form_is_never_stored_by_a_cache(client):
    response = client.get(SHARE_URL)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    page = soup(response)
    assert page.select_one("input[name=csrfmiddlewaretoken]") is not None
    assert page.select_one("form.share-form")["enctype"] == "multipart/form-data"


def test_the_form_offers_the_sites_audiences_and_live_domains(client):
    home = home_page()
    DomainPageFactory(parent=home, title="Science", slug="science")
    DomainPageFactory(parent=home, title="Advocacy", slug="advocacy")
    DomainPageFactory(parent=home, title="Drafts", slug="drafts", live=False)
    AudienceFactory(name="Supervisors", slug="supervisors")
    page = soup(client.get(SHARE_URL))
    domains = [o.get_text() for o in page.select("select[name=domain] option")]
    assert domains == ["Not sure", "Science", "Advocacy"]
    assert [label.get_text() for label in page.select("label[for^=id_audiences_]")] == [
        "Supervisors"
    ]


def test_a_resource_with_a_link_is_kept_and_acknowledged(client):
    home = home_page()
    science = DomainPageFactory(parent=home, title="Science", slug="science")
    supervisors = AudienceFactory(name="Supervisors", slug="supervisors")
    response = share(client, domain=science.pk, audiences=[supervisors.pk])
    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    resource = SharedResource.objects.get()
    assert resource.title == "Compassion fatigue self-test"
    assert resource.link == "https://example.org/self-test"
    assert resource.status == Status.NEW
    assert resource.rights_confirmed
    assert resource.domain == science
    assert list(resource.audiences.all()) == [supervisors]
    assert not resource.upload
    thanks = client.get(THANKS_URL)
    assert thanks.status_code == 200
    assert "What happens next" in text_of(thanks)
    assert "stays private" in text_of(thanks)


def test_a_resource_with_a_pdf_is_kept_privately(client):
    before = private_files()
    response = share(client, link=None, upload=a_pdf("Self test (2026).pdf"))
    assert response.status_code == 302
    resource = SharedResource.objects.get()
    assert resource.upload_name == "Self test (2026).pdf"
    assert resource.upload.name.startswith("shared-resources/")
    assert "Self" not in resource.upload.name  # a random name nobody can guess
    assert len(private_files()) == len(before) + 1


@pytest.mark.parametrize(("name", "content", "message"), REFUSED_UPLOADS, ids=REFUSED_UPLOAD_IDS)
def test_a_refused_file_gets_the_form_back_and_nothing_is_kept(client, name, content, message):
    before = private_files()
    response = share(client, upload=SimpleUploadedFile(name, content))
    assert response.status_code == 400
    assert message in errors_shown(response)
    assert "choose your file again" in errors_shown(response)
    assert not SharedResource.objects.exists()
    assert private_files() == before


def test_a_file_over_the_size_limit_is_refused(client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    before = private_files()
    response = share(client, upload=SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 4096))
    assert response.status_code == 400
    assert "This file is too big" in errors_shown(response)
    assert not SharedResource.objects.exists()
    assert private_files() == before


def test_neither_link_nor_file_is_refused(client):
    response = share(client, link=None)
    assert response.status_code == 400
    assert "Give a link to the resource or choose a file to upload" in errors_shown(response)
    assert not SharedResource.objects.exists()


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "ftp://example.org/file.pdf", "data:text/html,<b>hi</b>"],
    ids=["javascript", "ftp", "data"],
)
def test_only_web_links_are_accepted(client, link):
    response = share(client, link=link)
    assert response.status_code == 400
    assert "Enter a web address starting with https:// or http://." in errors_shown(response)
    assert not SharedResource.objects.exists()


def test_without_consent_nothing_is_kept(client):
    response = share(client, rights_confirmed=None)
    assert response.status_code == 400
    assert "Please confirm that you may share this resource" in errors_shown(response)
    assert not SharedResource.objects.exists()


def test_bad_input_is_answered_with_messages_next_to_the_fields(client):
    response = share(client, title="", submitter_email="not an address")
    assert response.status_code == 400
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    page = soup(response)
    title = page.select_one("#id_title")
    assert title["aria-invalid"] == "true"
    assert page.select_one(f"#{title['aria-describedby'].split()[-1]}").get_text(strip=True)
    # What was typed is kept, so nothing has to be written again.
    assert page.select_one("#id_description").get_text().strip() == form_data()["description"]
    assert not SharedResource.objects.exists()


def test_the_hidden_field_catches_automated_submissions(client):
    response = share(client, website="http://spam.example")
    assert response.status_code == 302
    assert not SharedResource.objects.exists()


def test_too_many_submissions_from_one_address_get_a_429_page(client):
    for number in range(throttling.SUBMISSIONS_PER_HOUR):
        assert share(client, title=f"Resource {number}").status_code == 302
    response = share(client, title="One too many")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Please try again in about" in text_of(response)
    assert SharedResource.objects.count() == throttling.SUBMISSIONS_PER_HOUR
    # Another address is not held back.
    elsewhere = client.post(SHARE_URL, form_data(title="Elsewhere"), REMOTE_ADDR="10.0.0.9")
    assert elsewhere.status_code == 302


def test_many_failed_attempts_are_limited_too(client):
    for _ in range(throttling.ATTEMPTS_PER_HOUR):
        assert share(client, link=None).status_code == 400
    assert share(client).status_code == 429
    assert not SharedResource.objects.exists()


def test_the_limit_counts_the_address_behind_the_trusted_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(throttling.SUBMISSIONS_PER_HOUR):
        client.post(
            SHARE_URL, form_data(title=f"R{number}"), HTTP_X_FORWARDED_FOR="1.2.3.4, 5.6.7.8"
        )
    # The address a client writes itself is ignored: the proxy's is what counts.
    blocked = client.post(SHARE_URL, form_data(), HTTP_X_FORWARDED_FOR="9.9.9.9, 5.6.7.8")
    assert blocked.status_code == 429
    assert client.post(SHARE_URL, form_data(), HTTP_X_FORWARDED_FOR="5.6.7.9").status_code == 302


def test_the_handout_library_and_every_footer_lead_to_the_form(client):
    from home.models import SiteSettings
    from tests.library.factories import HandoutLibraryPageFactory

    SiteSettings.for_site(home_page().get_site())
    library = HandoutLibraryPageFactory()
    page = soup(client.get(library.url))
    assert page.select_one("main").find("a", string="Share a resource")["href"] == SHARE_URL
    assert page.select_one("footer").find("a", string="Share a resource")["href"] == SHARE_URL


def test_a_file_over_the_limit_is_not_read_and_gets_a_413(client, settings):
    from sts_learn.uploads import FORM_FIELDS_ALLOWANCE

    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2000
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (FORM_FIELDS_ALLOWANCE + 5000))
    files_before = private_files()
    response = share(client, upload=big)
    assert response.status_code == 413
    assert "The file is larger than" in text_of(response)
    assert "nothing was saved" in text_of(response)
    assert not SharedResource.objects.exists()
    assert private_files() == files_before

import logging

import pytest
from django.contrib.auth.models import Group

PUBLIC_URLS = ["/", "/science/", "/terms/", "/search/?q=stress"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_anonymous_page_view_sets_no_cookie_and_is_cacheable(client, demo_site, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_send_the_security_headers(client, demo_site, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert directives["frame-ancestors"] == "'none'"


@pytest.mark.django_db
def test_public_pages_carry_no_inline_script(client, demo_site):
    html = client.get("/").content.decode()
    assert "<script>" not in html and " onclick=" not in html


@pytest.mark.django_db
def test_admin_is_left_out_of_the_public_policy(client, demo_site):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_signed_in_editor_sees_the_userbar_on_public_pages(client, demo_site, django_user_model):
    user = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    assert b"wagtail-userbar" in client.get("/").content


def attempt_login(client, password):
    return client.post("/admin/login/", {"username": "throttled", "password": password})


@pytest.mark.django_db
def test_login_is_throttled_after_repeated_failures(client, settings, django_user_model):
    user = django_user_model.objects.create_user("throttled", "t@example.org", "right-password")
    user.groups.add(Group.objects.get(name="Editors"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt_login(client, "wrong")
        assert response.status_code == 200
        assert "password didn&#x27;t match" in response.content.decode()
    locked = attempt_login(client, "wrong")
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    # During the cool-off even the right password is refused.
    assert attempt_login(client, "right-password").status_code == 429


@pytest.mark.django_db
def test_successful_login_is_not_throttled(client, django_user_model):
    user = django_user_model.objects.create_user("throttled", "t@example.org", "right-password")
    user.groups.add(Group.objects.get(name="Editors"))
    attempt_login(client, "wrong")
    response = attempt_login(client, "right-password")
    assert response.status_code == 302


# --- The Host header ------------------------------------------------------------------------------

BAD_HOSTS = [
    "evil.example",  # well formed, but not ours
    "evil.example:8000",
    "bad host",  # characters no host name has
    "testserver\r\nX-Injected: yes",
    "exa$mple.org",
    "[::1",
    "",
]


@pytest.mark.django_db
@pytest.mark.parametrize("host", BAD_HOSTS)
@pytest.mark.parametrize("method", ["get", "post", "head"])
def test_a_bad_host_gets_a_plain_400_and_no_traceback(client, caplog, host, method):
    caplog.set_level(logging.DEBUG)
    response = getattr(client, method)("/", HTTP_HOST=host)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    if method != "head":
        assert response.content.decode() == (
            "Bad request: this server does not answer for that host name.\n"
        )
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert caplog.records, "the refusal is logged"
    for record in caplog.records:
        assert record.exc_info is None
        assert "Traceback" not in caplog.text
        assert "\n" not in record.getMessage()  # a forged host cannot write its own log lines


@pytest.mark.django_db
def test_a_bad_host_is_refused_before_anything_reads_it(client, caplog, demo_site):
    """No middleware or view behind the host check runs: no page, no form, no redirect."""
    urls = ["/admin", "/admin/login/", "/kits/?items=1", "/documents/1/x.pdf", "/no-such/"]
    for url in urls:
        response = client.get(url, HTTP_HOST="evil.example")
        assert response.status_code == 400, url
        assert "Location" not in response
    assert all(record.exc_info is None for record in caplog.records)


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["testserver", "localhost", "127.0.0.1", "localhost:8000"])
def test_an_allowed_host_gets_the_page(client, demo_site, host):
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 200
    assert "STS" in response.content.decode()

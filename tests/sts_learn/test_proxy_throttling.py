"""Behind Varnish every request comes from 127.0.0.1: throttling must tell visitors apart by the
address the proxy appends to X-Forwarded-For, and never trust what a client writes there."""

import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


@pytest.fixture
def account(db, django_user_model):
    user = django_user_model.objects.create_user("throttled", "t@example.org", "right-password")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def sign_in(client, password, forwarded_for):
    return client.post(
        "/admin/login/",
        {"username": "throttled", "password": password},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_one_visitor_locked_out_does_not_lock_out_another(
    client, settings, behind_one_proxy, account
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong", "203.0.113.7")
    assert sign_in(client, "right-password", "203.0.113.7").status_code == 429
    assert sign_in(client, "right-password", "198.51.100.2").status_code == 302


def test_a_visitor_cannot_escape_the_lockout_by_writing_x_forwarded_for(
    client, settings, behind_one_proxy, account
):
    """Varnish appends the real address: what the client wrote stays on the left."""
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong", f"10.0.0.{attempt}, 203.0.113.7")
    assert sign_in(client, "right-password", "10.9.9.9, 203.0.113.7").status_code == 429


def test_without_proxies_x_forwarded_for_is_ignored(client, settings, account):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong", f"192.0.2.{attempt}")
    assert sign_in(client, "right-password", "192.0.2.99").status_code == 429

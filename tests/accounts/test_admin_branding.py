"""The admin carries the consortium's name and mark, not Wagtail's."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group

from roles.groups import EDITORS


@pytest.mark.django_db
def test_admin_sign_in_says_sts_learn(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text(strip=True) == "Sign in to STS Learn"
    assert "Sign in to Wagtail" not in response.content.decode()
    assert page.title.get_text(strip=True).endswith("STS Learn")
    assert page.select_one("svg.brand-mark[aria-label='STS Learn']") is not None


@pytest.mark.django_db
def test_admin_pages_show_the_mark_in_the_sidebar(client, django_user_model):
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    page = BeautifulSoup(client.get("/admin/").content, "html.parser")
    logo = page.find("template", attrs={"data-wagtail-sidebar-branding-logo": True})
    assert "brand-mark" in str(logo)
    assert page.title.get_text(strip=True).endswith("STS Learn")

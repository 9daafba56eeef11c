import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from home.models import DomainPage, HomePage, StandardPage


def counts():
    User = get_user_model()
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": User.objects.count(),
        "domains": DomainPage.objects.count(),
    }


@pytest.mark.django_db
def test_loading_twice_leaves_the_same_counts(capsys):
    call_command("load_demo_content")
    first = counts()
    call_command("load_demo_content")
    assert counts() == first
    assert "nothing to do" in capsys.readouterr().out


@pytest.mark.django_db
def test_loader_builds_the_page_tree_with_the_contract_urls():
    call_command("load_demo_content")
    home = HomePage.objects.get()
    assert home.get_site().root_page_id == home.pk
    assert home.goals.count() == 5
    urls = sorted(page.url for page in home.get_children().specific())
    assert urls == ["/about/", "/advocacy/", "/education/", "/practice/", "/science/", "/terms/"]
    assert StandardPage.objects.get(slug="terms").title == "Legal Disclaimer and Terms of Use"


@pytest.mark.django_db
def test_loading_again_keeps_an_editors_changes():
    call_command("load_demo_content")
    about = StandardPage.objects.get(slug="about")
    about.title = "About us"
    about.save_revision().publish()
    call_command("load_demo_content")
    assert StandardPage.objects.get(slug="about").title == "About us"


@pytest.mark.django_db
def test_demo_accounts_for_each_role_use_demo_password(settings, client):
    settings.DEMO_PASSWORD = "a-demo-password-for-tests"
    call_command("load_demo_content")
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    expected_groups = {"editor": "Editors", "moderator": "Moderators", "trainer": "Trainers",
                       "hr": "HR leaders"}  # fmt: skip
    for username, group in expected_groups.items():
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert user.check_password("a-demo-password-for-tests")


@pytest.mark.django_db
def test_generated_password_is_printed_once(settings, capsys):
    settings.DEMO_PASSWORD = ""
    call_command("load_demo_content")
    out = capsys.readouterr().out
    assert "generated; shown only now" in out
    password = out.split("password ", 1)[1].split()[0]
    assert get_user_model().objects.get(username="editor").check_password(password)
    call_command("load_demo_content")
    assert "password" not in capsys.readouterr().out


@pytest.mark.django_db
def test_production_refuses_demo_content_without_the_flag(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="--consortium-pages"):
        call_command("load_demo_content")
    assert not HomePage.objects.exists()


@pytest.mark.django_db
def test_production_loads_consortium_pages_but_no_accounts(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    call_command("load_demo_content", consortium_pages=True)
    assert DomainPage.objects.live().count() == 4
    assert not get_user_model().objects.exists()

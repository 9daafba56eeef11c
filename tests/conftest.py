import pytest
from django.contrib.auth.models import Group

from home.demo.loader import DemoLoader


@pytest.fixture
def demo_site(db):
    """The consortium's page tree as `load_demo_content` builds it (no accounts)."""
    return DemoLoader(log=lambda *args: None).load_pages()


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor-test", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client

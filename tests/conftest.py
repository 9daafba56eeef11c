import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from demo.loader import DemoLoader


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: nothing memoised by an earlier test's data."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_site(db):
    """The consortium's pages as `load_demo_content` builds them (no courses, no accounts)."""
    loader = DemoLoader(log=lambda *args: None)
    home = loader.load_pages()
    loader.link_home(home)
    return home


@pytest.fixture
def demo_courses(db):
    """The consortium's pages and the demo courses, with their generated files (no accounts)."""
    loader = DemoLoader(log=lambda *args: None)
    home = loader.load_pages()
    loader.load_courses(home)
    loader.link_home(home)
    return home


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor-test", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client

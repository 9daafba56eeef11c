import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction

from demo.loader import DemoLoader
from home.models import HomePage
from sts_learn import downloads


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: nothing memoised by an earlier test's data."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def free_download_slots():
    """Each test starts with every download slot free. A test that reads only a streamed
    download's headers never closes it (a server always does), which would keep its slot taken
    for every later test of the run."""
    downloads._slots = None
    yield


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """A transaction around the rest of a test module, rolled back after its last test.

    Data a module's tests share is built once inside it; each test still runs in its own
    savepoint (pytest-django's `db`), so what a test changes is undone before the next one.
    Test modules that use it must not use `transactional_db`. Files written to storage are not
    rolled back: a test that removes one restores it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def demo_site_id(module_transaction):
    home = DemoLoader(log=lambda *args: None).load_site(courses=False)
    return home.pk


@pytest.fixture
def demo_site(db, demo_site_id):
    """The consortium's pages as `load_demo_content` builds them (no courses, no accounts).

    Built once per test module; each test gets its own copy of the home page object.
    """
    return HomePage.objects.get(pk=demo_site_id)


@pytest.fixture
def demo_courses(db):
    """The consortium's pages and the demo courses, with their generated files (no accounts)."""
    home = DemoLoader(log=lambda *args: None).load_site()
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

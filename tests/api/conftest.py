import pytest

from tests.api.world import open_data_world


@pytest.fixture(scope="module")
def world_ids(module_transaction):
    """The open data world, built once per test module (see tests/conftest.py)."""
    return {name: (type(item), item.pk) for name, item in open_data_world().items()}


@pytest.fixture
def world(db, world_ids):
    return {name: model.objects.get(pk=pk) for name, (model, pk) in world_ids.items()}


@pytest.fixture(params=["anonymous", "superuser"])
def asker(request, client, django_user_model):
    """Whoever asks the API: a partner site, or someone who may see everything in the admin.
    Both must get exactly what an anonymous visitor may see."""
    if request.param == "superuser":
        user = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
        client.force_login(user)
    return client

import pytest

from tests.api.world import open_data_world


@pytest.fixture(scope="module")
def world_ids(module_transaction):
    """The open data world, built once per test module (see tests/conftest.py)."""
    return {name: (type(item), item.pk) for name, item in open_data_world().items()}


@pytest.fixture
def world(db, world_ids):
    return {name: model.objects.get(pk=pk) for name, (model, pk) in world_ids.items()}

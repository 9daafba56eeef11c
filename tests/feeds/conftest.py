"""The feed is read against the same world as the API (tests/api/world.py)."""

from tests.api.conftest import world, world_ids  # noqa: F401 (fixtures)

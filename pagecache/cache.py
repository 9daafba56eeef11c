"""A cache of whole public pages for anonymous visitors, emptied by bumping a generation number.

Every app server reads the same generation from the shared cache (Redis in production), so one
publish empties the page cache everywhere at once without scanning keys.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "pagecache:generation"


def timeout():
    """Seconds a page stays cached; 0 switches the cache off."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def key_for(request, generation):
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"pagecache:{generation}:{digest}"


def generation():
    return cache.get(GENERATION_KEY, 0)


def empty():
    """Forget every cached page (on every app server that shares the cache)."""
    cache.add(GENERATION_KEY, 0, timeout=None)
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # evicted between add and incr
        cache.set(GENERATION_KEY, 1, timeout=None)


def remember(name, compute, timeout=24 * 60 * 60):
    """`compute()`'s value, kept until the next change that empties the page cache.

    For what every page repeats (navigation, footer, the list of restricted paths): it changes
    only when something is published, moved or restricted, exactly when the generation moves on.
    """
    key = f"pagecache:{generation()}:memo:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value

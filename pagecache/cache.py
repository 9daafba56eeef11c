"""A cache of whole public pages for anonymous visitors, emptied by bumping a generation number.

Every app server reads the same generation from the shared cache (Redis in production), so one
publish empties the page cache everywhere at once without scanning keys.
"""

import hashlib
import time

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
    """The current generation; a new one (never an old number again) if it was evicted."""
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        current = cache.get(GENERATION_KEY, 0)
    return current


def empty():
    """Forget every cached page and memo (on every app server that shares the cache)."""
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def remember(name, compute, timeout=24 * 60 * 60):
    """`compute()`'s value, kept until the next change that empties the page cache.

    For what every page repeats (navigation, footer, the list of restricted paths): it changes
    only when something is published, moved or restricted, exactly when the generation moves on.
    Only where every process shares the cache (MEMO_ALLOWED): otherwise a change made through one
    worker would leave the others with a stale memo, privacy included.
    """
    if not getattr(settings, "MEMO_ALLOWED", False):
        return compute()
    key = f"pagecache:{generation()}:memo:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value

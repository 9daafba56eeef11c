"""How often one address may share resources: a count per hour in the shared cache.

django-ratelimit refuses to start on a local-memory cache (its system check), which is the
embedded default here, so the count is kept with the cache's own atomic `add` and `incr`. With
Redis (REDIS_URL) every app server sees the same count; without it each process counts alone.
"""

import time

from django.core.cache import cache

from sts_learn.throttling import client_address

WINDOW_SECONDS = 60 * 60
# Resources stored (or caught by the hidden field) per address and hour.
SUBMISSIONS_PER_WINDOW = 5
# Any posting of the form, valid or not: generous for a person correcting mistakes.
ATTEMPTS_PER_WINDOW = 30


def _key(kind, request):
    window = int(time.time() // WINDOW_SECONDS)
    return f"contributions:{kind}:{client_address(request) or 'unknown'}:{window}"


def _count(kind, request):
    return cache.get(_key(kind, request), 0)


def _increment(kind, request):
    key = _key(kind, request)
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        return 1


def seconds_to_wait():
    return WINDOW_SECONDS - int(time.time() % WINDOW_SECONDS)


def may_post(request):
    """Count this posting; False when the address has posted or shared too much this hour."""
    if _count("submissions", request) >= SUBMISSIONS_PER_WINDOW:
        return False
    return _increment("attempts", request) <= ATTEMPTS_PER_WINDOW


def record_submission(request):
    _increment("submissions", request)

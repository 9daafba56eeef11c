"""How often one address may share resources, counted by django-ratelimit in the default cache.

With Redis (REDIS_URL) every app server sees the same count; with the embedded local-memory
cache each process counts alone. Only the counting functions of django-ratelimit are used (as
accounts/views.py does), so its app and its system check are not installed.
"""

from django_ratelimit.core import get_usage

from sts_learn.throttling import client_address

# Resources stored (or caught by the hidden field) per address and hour.
SUBMISSIONS_PER_HOUR = 5
# Any posting of the form, valid or not: generous for a person correcting mistakes, but a
# stream of refused uploads from one address still stops.
ATTEMPTS_PER_HOUR = 30


def _address(group, request):
    return client_address(request) or "unknown"


def _usage(group, per_hour, request, increment):
    return get_usage(
        request,
        group=f"contributions.{group}",
        key=_address,
        rate=f"{per_hour}/h",
        increment=increment,
    )


def may_post(request):
    """Count this posting. Returns (allowed, seconds until the address may post again)."""
    shared = _usage("submissions", SUBMISSIONS_PER_HOUR, request, increment=False)
    if shared["count"] >= shared["limit"]:
        return False, max(shared["time_left"], 1)
    attempts = _usage("attempts", ATTEMPTS_PER_HOUR, request, increment=True)
    if attempts["should_limit"]:
        return False, max(attempts["time_left"], 1)
    return True, 0


def record_submission(request):
    _usage("submissions", SUBMISSIONS_PER_HOUR, request, increment=True)

"""Downloads that cannot take the site down.

A slow download holds a server thread for as long as the visitor takes to receive it. Each app
server process lets at most DOWNLOAD_SLOTS downloads stream at once, so the threads left over
always serve pages; one more download is answered at once with 503 and Retry-After. No time
limit cuts a download that is making progress.
"""

import functools
import threading

from django.conf import settings
from django.shortcuts import render

from sts_learn import caching

RETRY_AFTER_SECONDS = 30

_slots = None
_slots_lock = threading.Lock()


def _semaphore():
    global _slots
    with _slots_lock:
        if _slots is None:
            _slots = threading.BoundedSemaphore(settings.DOWNLOAD_SLOTS)
        return _slots


class _HeldWhileStreaming:
    """The response's chunks; the slot is given back when the server closes the response."""

    def __init__(self, chunks, release):
        self._chunks = iter(chunks)
        self._release = release

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._chunks)

    def close(self):
        release, self._release = self._release, None
        if release:
            release()


def busy(request):
    response = render(request, "pages/downloads_busy.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return caching.private(response)


def limited(view):
    """Decorate a view whose streaming responses should count against the download slots."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        slots = _semaphore()
        if not slots.acquire(blocking=False):
            return busy(request)
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            slots.release()
            raise
        if not response.streaming:
            slots.release()
            return response
        response.streaming_content = _HeldWhileStreaming(response.streaming_content, slots.release)
        return response

    return wrapper


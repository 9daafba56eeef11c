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



class RangeNotSatisfiable(Exception):
    """The Range header asks for bytes the file does not have."""


def requested_range(request, total, etag):
    """(start, end) of the one byte range this request asks for, or None for the whole file.

    Only a single range is honoured ("bytes=500-", "bytes=500-999", "bytes=-500"), as download
    managers and browsers send when they resume; several ranges, a malformed header, or an
    If-Range that names another version of the file get the whole file (RFC 9110, 14.2).
    """
    header = request.META.get("HTTP_RANGE", "").strip()
    if not header or total == 0:
        return None
    if_range = request.META.get("HTTP_IF_RANGE")
    if if_range is not None and if_range.strip() != etag:
        return None
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    first, dash, last = spec.strip().partition("-")
    if not dash or not (first + last).isdigit():  # digits on one side of the dash at least
        return None
    if not first:  # the last N bytes
        length = int(last)
        if length == 0:
            raise RangeNotSatisfiable
        return max(total - length, 0), total - 1
    start = int(first)
    end = min(int(last), total - 1) if last else total - 1
    if start >= total:
        raise RangeNotSatisfiable
    if end < start:
        return None
    return start, end

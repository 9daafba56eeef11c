"""Counting downloads: one more for the thing and the day, never a word about who.

A document is counted when Wagtail serves it (its `document_served` signal, sent only once the
file is allowed: a 404, a refused or a locked file sends nothing); a session kit when its ZIP
starts. A request that resumes a download (a byte range that does not start at 0), a HEAD, or a
browser checking that its copy is still current is not a new download.
"""

import logging
import re

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.cache import parse_etags, quote_etag

from reports.models import KIT_LABEL_LENGTH, DownloadCount

logger = logging.getLogger(__name__)

RANGE_START = re.compile(r"\s*bytes\s*=\s*(\d*)\s*-", re.IGNORECASE)
KIT_LABEL_SEPARATOR = " · "


def starts_a_download(request):
    """True for a GET that asks for the file from its first byte (or, with an unreadable Range
    header that the server ignores, the whole file)."""
    if request.method != "GET":
        return False
    match = RANGE_START.match(request.META.get("HTTP_RANGE", ""))
    return match is None or (match.group(1) != "" and int(match.group(1)) == 0)


def _revalidates(request, document):
    """True when the browser's copy is current (If-None-Match names the file): answered 304."""
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header or not document.file_hash:
        return False
    etags = parse_etags(header)
    return "*" in etags or quote_etag(document.file_hash) in etags


def _increment(lookup, **fields):
    """Add one to the row of `lookup` (the day and what was downloaded), creating it on the first
    download. Two first downloads at once: the second create fails on the unique constraint and
    adds its one to the row the first made."""
    rows = DownloadCount.objects.filter(**lookup)
    if rows.update(count=F("count") + 1, **fields):
        return
    try:
        with transaction.atomic():
            DownloadCount.objects.create(count=1, **lookup, **fields)
    except IntegrityError:
        rows.update(count=F("count") + 1, **fields)


def _count(lookup, **fields):
    """`_increment`, in a savepoint: a database that refuses the write never stops a download."""
    try:
        with transaction.atomic():
            _increment(lookup, **fields)
    except DatabaseError:
        logger.warning("A download could not be counted.", exc_info=True)


def count_document_download(document):
    _count({"day": timezone.localdate(), "document": document})


def kit_key(modules):
    """A kit's identity: its modules' ids in increasing order, e.g. "12,15,40"."""
    return ",".join(str(pk) for pk in sorted({module.pk for module in modules}))


def kit_label(modules):
    """The modules' titles in the order of their ids, shortened to fit."""
    unique = {module.pk: module.title for module in modules}
    label = KIT_LABEL_SEPARATOR.join(unique[pk] for pk in sorted(unique))
    if len(label) > KIT_LABEL_LENGTH:
        label = label[: KIT_LABEL_LENGTH - 1].rstrip() + "…"
    return label


def count_kit_download(request, modules, byte_range):
    """Count a kit's ZIP when it starts: `byte_range` is the (start, end) being sent, or None for
    the whole file."""
    if request.method != "GET" or not modules or (byte_range and byte_range[0] != 0):
        return
    _count({"day": timezone.localdate(), "kit": kit_key(modules)}, kit_label=kit_label(modules))


def on_document_served(sender, instance, request, **kwargs):
    """Wagtail's `document_served` signal: the file is allowed and is about to be sent."""
    if starts_a_download(request) and not _revalidates(request, instance):
        count_document_download(instance)

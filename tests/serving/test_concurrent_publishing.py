"""Several moderators publishing at the same moment: every publish succeeds (SQLite included).

Eight processes (forked from this one, each with its own database connection) wait for a common
signal, then publish at once. On SQLite without WAL, IMMEDIATE transactions and a busy timeout,
most of them would fail with "database is locked".
"""

import multiprocessing
import traceback

import pytest
from django.db import connections
from wagtail.models import Revision

from courses.models import ModulePage
from tests.courses.factories import CoursePageFactory, ModulePageFactory

pytestmark = pytest.mark.serving

PUBLISHERS = 8
PUBLISHES_EACH = 4


def publish(page_id, start, errors):
    """In a child process: wait for the start signal, then publish the page again and again."""
    try:
        start.wait(timeout=60)
        for number in range(PUBLISHES_EACH):
            page = ModulePage.objects.get(pk=page_id)
            page.summary = f"Edited by publisher {page_id}, round {number}."
            page.save_revision().publish()
    except Exception:
        errors.put(traceback.format_exc())
        raise
    finally:
        connections.close_all()


def test_eight_processes_publishing_at_once_all_succeed(committed_db):
    course = CoursePageFactory()
    pages = [ModulePageFactory(parent=course) for _ in range(PUBLISHERS)]
    before = Revision.objects.count()
    connections.close_all()  # each child opens its own connection

    fork = multiprocessing.get_context("fork")
    start, errors = fork.Event(), fork.Queue()
    publishers = [fork.Process(target=publish, args=(page.pk, start, errors)) for page in pages]
    for publisher in publishers:
        publisher.start()
    start.set()  # all at once
    for publisher in publishers:
        publisher.join(timeout=180)

    failures = [errors.get() for _ in range(errors.qsize())]
    assert failures == [], failures[0]
    assert [publisher.exitcode for publisher in publishers] == [0] * PUBLISHERS
    assert Revision.objects.count() - before == PUBLISHERS * PUBLISHES_EACH
    for page in pages:
        page.refresh_from_db()
        assert page.summary.endswith(f"round {PUBLISHES_EACH - 1}.")

"""Several moderators publishing at the same moment: every publish succeeds (SQLite included)."""

import subprocess

import pytest
from wagtail.models import Revision

from tests.courses.factories import CoursePageFactory, ModulePageFactory

from .conftest import PYTHON, ROOT

pytestmark = pytest.mark.serving

PUBLISHERS = 8
PUBLISHES_EACH = 4

PUBLISHER = """
import os, sys, time
import django
django.setup()
from courses.models import ModulePage

page_id, start_signal, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
while not os.path.exists(start_signal):
    time.sleep(0.002)
for number in range(count):
    page = ModulePage.objects.get(pk=page_id)
    page.summary = f"Edited by publisher {page_id}, round {number}."
    page.save_revision().publish()
print("published", count)
"""


def test_eight_processes_publishing_at_once_all_succeed(served_env, committed_db, tmp_path):
    course = CoursePageFactory()
    pages = [ModulePageFactory(parent=course) for _ in range(PUBLISHERS)]
    before = Revision.objects.count()
    start_signal = tmp_path / "go"
    processes = [
        subprocess.Popen(
            [PYTHON, "-c", PUBLISHER, str(page.pk), str(start_signal), str(PUBLISHES_EACH)],
            cwd=ROOT,
            env=served_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for page in pages
    ]
    for process in processes:  # every publisher is set up and waiting...
        assert process.stdout.readline().strip() == "ready", process.stderr.read()[-2000:]
    start_signal.touch()  # ...then all start at once
    results = [process.communicate(timeout=180) for process in processes]
    errors = [err for (out, err), p in zip(results, processes, strict=True) if p.returncode]
    assert errors == [], errors[0][-2000:]
    assert all(out.strip() == f"published {PUBLISHES_EACH}" for out, _ in results)
    assert all("locked" not in err for _, err in results)
    assert Revision.objects.count() - before == PUBLISHERS * PUBLISHES_EACH
    for page in pages:
        page.refresh_from_db()
        assert page.summary.endswith(f"round {PUBLISHES_EACH - 1}.")

"""A kit of the demo courses, as a trainer would build it on a freshly loaded site."""

import json
import zipfile

from django.http import QueryDict
from django.test import TestCase

from courses.models import CoursePage, ModulePage
from demo.courses import DATA_FILE
from demo.loader import DemoLoader
from tests.courses.helpers import soup

from .helpers import (
    GENERATED,
    agenda_rows,
    body,
    materials,
    open_zip,
    pdf_text,
    read_member,
    stored_bytes,
)

COURSES = {c["slug"]: c for c in json.loads(DATA_FILE.read_text(encoding="utf-8"))["courses"]}


def clock(minutes):
    hours, rest = divmod(9 * 60 + 30 + minutes, 60)
    return f"{hours:02d}:{rest:02d}"


class DemoKitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        loader = DemoLoader(log=lambda *args: None)
        home = loader.load_pages()
        loader.load_courses(home)
        loader.link_home(home)
        cls.course = CoursePage.objects.get(slug="understanding-sts")
        cls.modules = list(ModulePage.objects.child_of(cls.course).live().order_by("path"))
        cls.other = ModulePage.objects.get(slug="supervising-for-sts")

    def build_kit(self):
        """Add the whole course, a 15-minute break, a module of another course, a start time."""
        response = self.client.get(f"/kits/?add_course={self.course.pk}")
        self.assertEqual(response.status_code, 302)
        response = self.client.get(f"/kits/?add={self.other.pk}")
        self.assertEqual(response.status_code, 302)
        response = self.client.get("/kits/?break_minutes=15&break_after=1")  # after the first
        self.assertEqual(response.status_code, 302)
        state = QueryDict(response["Location"].split("?", 1)[1], mutable=True)
        state["start"] = "09:30"
        state["edit"] = "1"  # as the Session details form sends it
        response = self.client.get("/kits/", state, follow=True)
        self.assertEqual(response.status_code, 200)
        del state["edit"]
        return state.urlencode()

    def durations(self):
        """Minutes of each agenda item: the first module, the break, the rest, the other one."""
        modules = [module.duration_minutes for module in self.modules]
        return [modules[0], 15, *modules[1:], self.other.duration_minutes]

    def test_a_whole_course_is_added_in_course_order(self):
        response = self.client.get(f"/kits/?add_course={self.course.pk}", follow=True)
        expected = [module["title"] for module in COURSES["understanding-sts"]["modules"]]
        self.assertEqual([row[1] for row in agenda_rows(response)], expected)
        self.assertEqual([module.title for module in self.modules], expected)

    def test_the_agenda_adds_up(self):
        query = self.build_kit()
        response = self.client.get(f"/kits/?{query}")
        durations = self.durations()
        starts = [sum(durations[:i]) for i in range(len(durations))]
        expected = [
            f"{clock(start)}–{clock(start + minutes)}"
            for start, minutes in zip(starts, durations, strict=True)
        ]
        rows = agenda_rows(response)
        self.assertEqual([row[0] for row in rows], expected)
        self.assertEqual(rows[1][1], "Break")
        total = soup(response).select_one("table.agenda tfoot td").get_text()
        self.assertEqual(int(total), sum(durations))

    def test_the_kit_downloads_whole_and_in_agenda_order(self):
        query = self.build_kit()
        response = self.client.get(f"/kits/download/?{query}")
        self.assertEqual(response.status_code, 200)
        content = body(response)
        self.assertEqual(int(response["Content-Length"]), len(content))
        archive = open_zip(content)
        folder = "Session on secondary traumatic stress"
        self.assertEqual(
            archive.namelist()[: len(GENERATED)], [f"{folder}/{name}" for name in GENERATED]
        )

        agenda_modules = [*self.modules, self.other]
        documents = []
        for module in agenda_modules:
            slides, handouts = module.materials(None)
            documents.extend(d for d in [*slides, *handouts] if d not in documents)
        names = materials(archive)
        self.assertEqual(len(names), len(documents))
        for number, (name, document) in enumerate(zip(names, documents, strict=True), start=1):
            self.assertTrue(name.startswith(f"{number:02d} - "), name)
            self.assertTrue(name.endswith(f".{document.extension}"), name)
            info = archive.getinfo(f"{folder}/Slides and handouts/{name}")
            self.assertEqual(info.compress_type, zipfile.ZIP_STORED)
            self.assertEqual(archive.read(info), stored_bytes(document), name)

        headings = [
            f"{number}. {module.title}"
            for number, module in enumerate([*self.modules, self.other], start=1)
        ]
        guide = pdf_text(read_member(archive, "/Facilitator guide.pdf"))
        positions = [guide.index(heading) for heading in headings]
        self.assertEqual(positions, sorted(positions))
        total = sum(self.durations())
        agenda_text = pdf_text(read_member(archive, "/Agenda.pdf"))
        self.assertIn(f"09:30–{clock(total)}", agenda_text)
        self.assertIn(f"Total {total}", agenda_text)

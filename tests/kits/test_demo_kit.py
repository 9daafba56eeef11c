"""A kit of the demo courses, as a trainer would build it on a freshly loaded site."""

import io
import json
import re
import zipfile

from django.http import QueryDict
from django.test import TestCase
from pptx import Presentation

from courses.models import CoursePage, ModulePage
from demo.courses import DATA_FILE
from demo.loader import DemoLoader
from tests.courses.helpers import soup
from tests.materials.pdfs import assert_accessible_pdf

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
        DemoLoader(log=lambda *args: None).load_site()
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

    def test_a_day_with_welcome_two_courses_lunch_and_evaluation_delivers(self):
        """The kit a trainer builds for a day: every PDF tagged, every deck projectable, the
        guide a timed plan from the first minute to the last."""
        first, second = self.modules[0], self.other
        items = f"w10,{first.pk},l45,{second.pk},e10"
        response = self.client.get(f"/kits/download/?items={items}&title=Team+day&start=09:00")
        self.assertEqual(response.status_code, 200)
        archive = open_zip(body(response))
        total = 10 + first.duration_minutes + 45 + second.duration_minutes + 10
        pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
        decks = [name for name in archive.namelist() if name.endswith(".pptx")]
        self.assertGreaterEqual(len(pdfs), 5)
        self.assertEqual(len(decks), 2)  # one a module
        for name in pdfs:
            with self.subTest(name):
                assert_accessible_pdf(archive.read(name))
        for name in decks:
            with self.subTest(name):
                deck = Presentation(io.BytesIO(archive.read(name)))
                self.assertEqual(deck.slide_width * 9, deck.slide_height * 16)
                for slide in deck.slides:
                    self.assertTrue(slide.notes_slide.notes_text_frame.text.strip())
                    for shape in slide.shapes:
                        self.assertLessEqual(shape.left + shape.width, deck.slide_width)
                        self.assertLessEqual(shape.top + shape.height, deck.slide_height)
        guide = pdf_text(read_member(archive, "/Facilitator guide.pdf"))
        for label in ("Welcome", "Lunch", "Evaluation", first.title, second.title):
            self.assertIn(label, guide)
        times = re.findall(r"\b(\d\d:\d\d)\b", guide)
        self.assertEqual(times[0], "09:00")
        minutes = [int(t[:2]) * 60 + int(t[3:]) for t in times]
        self.assertEqual(max(minutes) - minutes[0], total)  # the last segment ends the day

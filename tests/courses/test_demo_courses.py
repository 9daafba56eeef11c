"""The demo courses as `load_demo_content` builds them: what visitors see and download."""

import io
import json

import rispy
from bs4 import BeautifulSoup
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from django.utils.dateparse import parse_date
from pptx import Presentation
from pypdf import PdfReader
from wagtail.models import Collection
from wagtail.test.utils import WagtailPageTestCase

from courses.collections import COURSE_MATERIALS, TRAINER_ONLY_MATERIALS, course_materials
from courses.models import CourseDocument, CourseIndexPage, CoursePage, ModulePage, TextStatus
from demo.courses import DATA_FILE
from demo.loader import DemoLoader

from .helpers import facts, squash

DATA = json.loads(DATA_FILE.read_text(encoding="utf-8"))
COURSES = {course["slug"]: course for course in DATA["courses"]}
REFERENCES = {reference["key"]: reference for reference in DATA["references"]}
PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def duration(minutes):
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


class DemoCoursesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        # As `load_demo_content` commits: the printed files' text is read after the commit.
        with cls.captureOnCommitCallbacks(execute=True):
            DemoLoader(log=lambda *args: None).load_site()
        cls.index = CourseIndexPage.objects.get()

    def page(self, url, status=200, **params):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, status, url)
        return BeautifulSoup(response.content, "html.parser")

    def module(self, course_slug, module_slug):
        return ModulePage.objects.get(url_path__endswith=f"/{course_slug}/{module_slug}/")

    def test_every_course_and_module_renders(self):
        pages = [self.index, *CoursePage.objects.all(), *ModulePage.objects.all()]
        self.assertEqual(len(pages), 1 + 3 + 14)
        for page in pages:
            with self.subTest(page=page.url):
                self.assertPageIsRenderable(page)

    def test_course_index_lists_the_demo_courses_with_their_totals(self):
        page = self.page("/courses/")
        cards = {
            squash(card.select_one(".card__title").get_text()): facts(card)
            for card in page.select(".card--course")
        }
        expected = {
            course["title"]: (
                str(len(course["modules"])),
                duration(sum(m["duration_minutes"] for m in course["modules"])),
            )
            for course in DATA["courses"]
        }
        self.assertEqual(
            {title: (f["Modules"], f["Duration"]) for title, f in cards.items()}, expected
        )
        self.assertEqual(cards[COURSES["understanding-sts"]["title"]]["Duration"], "4 h 10 min")

    def test_filters_narrow_the_demo_catalogue(self):
        def titles(status=200, **params):
            page = self.page("/courses/", status, **params)
            return [squash(h.get_text()) for h in page.select(".card--course .card__title")]

        self.assertEqual(
            titles(audience="hr-leaders"), [COURSES["sts-informed-organization"]["title"]]
        )
        self.assertEqual(
            titles(domain="education"),
            [
                COURSES["understanding-sts"]["title"],
                COURSES["team-resilience-and-self-assessment"]["title"],
            ],
        )
        self.assertEqual(len(titles(404, audience="nobody")), 3)

    def test_course_page_lists_the_modules_in_the_order_of_the_course(self):
        course = COURSES["sts-informed-organization"]
        page = self.page("/courses/sts-informed-organization/")
        listed = [
            (squash(item.h3.get_text()), squash(item.select_one(".module-list__meta").get_text()))
            for item in page.select(".module-list__item")
        ]
        self.assertEqual(
            [(title, meta.split(" · ")[0]) for title, meta in listed],
            [(m["title"], duration(m["duration_minutes"])) for m in course["modules"]],
        )

    def test_what_is_sts_cites_bride_2004_in_apa(self):
        page = self.page("/courses/understanding-sts/what-is-sts/")
        first = page.select(".reference-list li")[0]
        self.assertEqual(
            squash(first.get_text()),
            "Bride, B. E., Robinson, M. M., Yegidis, B., & Figley, C. R. (2004). Development and "
            "validation of the Secondary Traumatic Stress Scale. Research on Social Work "
            "Practice, 14(1), 27–35. https://doi.org/10.1177/1049731503254106",
        )
        self.assertEqual(first.i.get_text(), "Research on Social Work Practice, 14")
        self.assertEqual(first.a["href"], "https://doi.org/10.1177/1049731503254106")
        self.assertEqual(len(page.select(".reference-list li")), 4)

    def test_ris_of_a_demo_module_holds_its_references(self):
        response = self.client.get("/courses/understanding-sts/what-is-sts/references/ris/")
        entries = rispy.loads(response.content.decode())
        module = COURSES["understanding-sts"]["modules"][0]
        expected = [REFERENCES[key] for key in module["references"]]
        self.assertEqual(
            [(e["title"], e["authors"], e["year"], e.get("doi")) for e in entries],
            [(r["title"], r["authors"], r["year"], r["doi"] or None) for r in expected],
        )

    def test_vt_org_module_is_due_for_review(self):
        page = self.page("/courses/sts-informed-organization/vt-org-readiness/")
        notice = page.select_one(".notice--review")
        self.assertIsNotNone(notice)
        self.assertIn("last reviewed on 10 March 2025", squash(notice.get_text(" ")))
        self.assertIn("due for review on 10 March 2026", squash(notice.get_text(" ")))

    def test_review_notices_follow_each_modules_review_date(self):
        today = timezone.localdate()
        for course in DATA["courses"]:
            for module in course["modules"]:
                url = f"/courses/{course['slug']}/{module['slug']}/"
                due = parse_date(module["last_reviewed"]) + relativedelta(months=12) < today
                with self.subTest(url=url):
                    notice = self.page(url).select_one(".notice--review")
                    self.assertEqual(notice is not None, due)

    def test_demo_slides_and_handouts_download_whole(self):
        module = self.module("understanding-sts", "what-is-sts")
        page = self.page(module.url)
        items = page.select(".document-list__item")
        self.assertEqual(len(items), 3)  # PowerPoint and PDF slides, one handout
        for item in items:
            link = item.select_one(".document-list__link")
            meta = squash(item.select_one(".document-list__meta").get_text())
            with self.subTest(document=link.get_text()):
                response = self.client.get(link["href"])
                self.assertEqual(response.status_code, 200)
                content = b"".join(response.streaming_content)
                filename = link["href"].rsplit("/", 1)[1]
                self.assertEqual(
                    response["Content-Disposition"], f'attachment; filename="{filename}"'
                )
                count = int(meta.split(", ")[-1].split()[0])
                if meta.startswith("PPTX"):
                    self.assertEqual(response["Content-Type"], PPTX_TYPE)
                    deck = Presentation(io.BytesIO(content))
                    self.assertEqual(len(deck.slides), count)
                    self.assertTrue(meta.endswith(" slides"))
                else:
                    self.assertTrue(meta.startswith("PDF"))
                    self.assertEqual(response["Content-Type"], "application/pdf")
                    self.assertEqual(len(PdfReader(io.BytesIO(content)).pages), count)

    def test_demo_slides_and_handouts_are_read_for_site_search(self):
        documents = CourseDocument.objects.all()
        self.assertTrue(documents)
        for document in documents:
            with self.subTest(document=document.title):
                self.assertEqual(document.text_status, TextStatus.EXTRACTED)
        handout = COURSES["understanding-sts"]["modules"][0]["handouts"][0]
        sentence = next(value for kind, value in handout["body"] if kind == "paragraph")
        printed = CourseDocument.objects.get(title=handout["title"])
        self.assertIn(squash(sentence)[:60], squash(printed.extracted_text))

    def test_demo_documents_are_public_course_materials(self):
        """The loader reuses the migration's collections and adds none of its own; every file
        is public but the one trainer-only answer key (demo/trainer_materials.py)."""
        root = Collection.get_first_root_node()
        self.assertEqual(
            sorted(root.get_children().values_list("name", flat=True)),
            [COURSE_MATERIALS, TRAINER_ONLY_MATERIALS],
        )
        self.assertEqual(Collection.objects.count(), 3)
        public = CourseDocument.objects.filter(collection=course_materials())
        self.assertEqual(public.count(), CourseDocument.objects.count() - 1)
        self.assertEqual(
            list(
                CourseDocument.objects.exclude(collection=course_materials()).values_list(
                    "title", "collection__name"
                )
            ),
            [("Sort the scenarios: vignettes and answer key", TRAINER_ONLY_MATERIALS)],
        )

    def test_anonymous_demo_pages_set_no_cookie(self):
        module = "/courses/understanding-sts/what-is-sts/"
        for url in ("/courses/", "/courses/understanding-sts/", module):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertFalse(response.cookies)
                self.assertNotIn("Cookie", response.get("Vary", ""))

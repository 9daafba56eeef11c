"""Searching the demo content as its visitors do: the specific before the general, word forms,
spellings and acronyms, and the words inside the handouts."""

import io

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import TestCase

from demo.loader import DemoLoader
from search.models import UnansweredQuery


class DemoSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        DemoLoader(log=lambda *args: None).load_site()
        # The text inside the files is read after the commit, which a test never reaches.
        call_command("extract_document_text", "--all", stdout=io.StringIO())

    def results(self, query, **params):
        """(kind, title) of every result, in order."""
        found, page = [], 1
        while True:
            response = self.client.get("/search/", {"q": query, "page": page, **params})
            self.assertEqual(response.status_code, 200)
            soup = BeautifulSoup(response.content, "html.parser")
            for item in soup.select("ol.search-results .search-results__item"):
                kind = item.select_one(".search-results__kind").get_text(strip=True)
                found.append((kind.split(" · ")[0], item.select_one("h3").get_text(strip=True)))
            if not soup.find("a", string="Next page"):
                return found
            page += 1

    def titles(self, query):
        return [title for _kind, title in self.results(query)]

    def assert_specific_first(self, query):
        found = self.results(query)
        self.assertTrue(found, f"nothing found for {query!r}")
        self.assertIn(found[0][0], ("Module", "Handout"), f"{query!r} first: {found[0]}")
        pages = [index for index, (kind, _title) in enumerate(found) if kind == "Page"]
        specific = [index for index, (kind, _title) in enumerate(found) if kind != "Page"]
        if pages:
            self.assertLess(specific[0], pages[0])
        return found

    def test_burnout_proqol_and_compassion_fatigue_find_modules_before_domain_pages(self):
        first = self.assert_specific_first("burnout")[0][1]
        self.assertIn("Burnout", first)
        self.assertIn("ProQOL", self.assert_specific_first("ProQOL")[0][1])
        self.assertIn("compassion fatigue", self.assert_specific_first("compassion fatigue")[0][1])

    def test_self_care_finds_the_same_with_or_without_the_hyphen(self):
        self.assert_specific_first("self-care")
        self.assertEqual(self.titles("self care"), self.titles("self-care"))
        self.assertNotEqual(self.titles("self-care")[0], "Advocacy")

    def test_the_terms_of_use_only_when_asked_for_by_its_words(self):
        self.assertNotIn("Legal Disclaimer and Terms of Use", self.titles("vicarious trauma"))
        self.assertNotIn("Legal Disclaimer and Terms of Use", self.titles("burnout"))
        self.assertEqual(self.titles("terms of use")[0], "Legal Disclaimer and Terms of Use")

    def test_british_spelling_finds_the_organizational_course(self):
        titles = self.titles("organisational")
        self.assertIn("Building an STS-informed organization", " ".join(titles[:3]))

    def test_supervisors_finds_supervision(self):
        titles = self.titles("supervisors")
        self.assertTrue(any("Supervising for STS" in title for title in titles[:5]), titles[:5])
        self.assertIn("STS in supervision: a guide for supervisors", titles[:5])

    def test_acronyms_find_their_spelled_out_forms(self):
        # The demo never writes "EAP"; it writes "Employee Assistance Program".
        eap = self.results("EAP")
        self.assertTrue(eap)
        self.assertEqual(self.titles("EAP"), self.titles("employee assistance program"))
        self.assertEqual(self.titles("STS"), self.titles("secondary traumatic stress"))
        self.assertEqual(self.titles("PTSD"), self.titles("post-traumatic stress disorder"))

    def test_a_phrase_inside_a_handout_finds_that_handout(self):
        # Written only in the handout's PDF, not on any page.
        found = self.results("someone else’s trauma to affect you")
        self.assertEqual(found[0], ("Handout", "What is secondary traumatic stress?"))

    def test_a_word_nobody_wrote_finds_nothing_and_is_reported(self):
        self.assertEqual(self.results("mindfulness"), [])
        self.assertEqual(UnansweredQuery.objects.get(query="mindfulness").hits, 1)

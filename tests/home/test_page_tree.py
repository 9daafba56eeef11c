from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage
from home.models import DomainPage, HomePage, StandardPage
from library.models import HandoutLibraryPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(DomainPage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_home_page_holds_domains_standard_pages_the_course_index_and_the_library(self):
        self.assertAllowedSubpageTypes(
            HomePage, {DomainPage, StandardPage, CourseIndexPage, HandoutLibraryPage}
        )

    def test_domain_pages_live_under_home_and_have_no_children(self):
        self.assertAllowedParentPageTypes(DomainPage, {HomePage})
        self.assertAllowedSubpageTypes(DomainPage, set())

    def test_standard_pages_nest_for_sub_sections(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_only_one_home_page_may_exist(self):
        self.assertEqual(HomePage.max_count, 1)

"""Where course pages may be created: index under home, courses under it, modules under courses."""

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage, CoursePage, ModulePage
from home.models import DomainPage, HomePage, StandardPage

from .factories import CourseIndexPageFactory, CoursePageFactory, ModulePageFactory, home_page


class CoursePageTreeRulesTests(WagtailPageTestCase):
    def test_course_index_sits_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, CourseIndexPage)
        for parent in (DomainPage, StandardPage, CourseIndexPage, CoursePage, ModulePage):
            self.assertCanNotCreateAt(parent, CourseIndexPage)

    def test_course_index_holds_only_courses(self):
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertCanNotCreateAt(CourseIndexPage, ModulePage)
        self.assertCanNotCreateAt(CourseIndexPage, StandardPage)

    def test_courses_sit_under_the_course_index_and_hold_only_modules(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertCanNotCreateAt(HomePage, CoursePage)
        self.assertCanNotCreateAt(CoursePage, CoursePage)

    def test_modules_sit_under_courses_and_have_no_children(self):
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, set())
        self.assertCanNotCreateAt(HomePage, ModulePage)
        self.assertCanNotCreateAt(CourseIndexPage, ModulePage)

    def test_a_second_course_index_cannot_be_created(self):
        home = home_page()
        self.assertTrue(CourseIndexPage.can_create_at(home))
        CourseIndexPageFactory()
        self.assertFalse(CourseIndexPage.can_create_at(home))

    def test_editor_is_not_offered_a_second_course_index(self):
        home = home_page()
        self.client.force_login(self.create_superuser("tree-admin", password="pw"))
        add_subpage = reverse("wagtailadmin_pages:add_subpage", args=[home.pk])
        self.assertContains(self.client.get(add_subpage), "Course index page")
        CourseIndexPageFactory()
        self.assertNotContains(self.client.get(add_subpage), "Course index page")
        add_index = reverse("wagtailadmin_pages:add", args=["courses", "courseindexpage", home.pk])
        response = self.client.get(add_index, follow=True)
        self.assertEqual(response.redirect_chain[0][1], 302)
        self.assertContains(response, "permission")
        self.assertEqual(CourseIndexPage.objects.count(), 1)

    def test_factories_build_the_chain_once(self):
        """Two modules of two courses share the one home page and the one course index."""
        first, second = ModulePageFactory(), ModulePageFactory()
        self.assertEqual(HomePage.objects.count(), 1)
        self.assertEqual(CourseIndexPage.objects.count(), 1)
        self.assertNotEqual(first.get_parent().pk, second.get_parent().pk)
        self.assertEqual(
            {CoursePage.objects.get(pk=m.get_parent().pk).get_parent().pk for m in (first, second)},
            {CourseIndexPage.objects.get().pk},
        )
        self.assertTrue(first.url.startswith("/courses/"))
        self.assertEqual(CoursePageFactory().get_parent().specific_class, CourseIndexPage)

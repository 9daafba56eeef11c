from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from wagtail.models import Page, Revision

from courses.models import CourseDocument, CoursePage, ModulePage
from demo.loader import DemoLoader
from home.models import DomainPage, HomePage, StandardPage

DEMO_PASSWORD = "a-demo-password-for-tests"


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "documents": CourseDocument.objects.count(),
    }


@override_settings(DEMO_PASSWORD=DEMO_PASSWORD)
class LoadDemoContentTests(TestCase):
    """`load_demo_content` run once for the class (it builds many pages and files)."""

    @classmethod
    def setUpTestData(cls):
        cls.output = StringIO()
        with override_settings(DEMO_PASSWORD=DEMO_PASSWORD):
            call_command("load_demo_content", stdout=cls.output)

    def test_running_again_changes_nothing(self):
        first = counts()
        out = StringIO()
        call_command("load_demo_content", stdout=out)
        self.assertEqual(counts(), first)
        self.assertIn("nothing to do", out.getvalue())

    def test_builds_the_page_tree_with_the_contract_urls(self):
        home = HomePage.objects.get()
        self.assertEqual(home.get_site().root_page_id, home.pk)
        self.assertEqual(home.goals.count(), 5)
        urls = [page.url for page in home.get_children().specific()]
        self.assertEqual(
            urls,
            ["/science/", "/advocacy/", "/education/", "/practice/", "/courses/", "/handouts/",
             "/about/", "/terms/"],
        )  # fmt: skip
        self.assertEqual(
            StandardPage.objects.get(slug="terms").title, "Legal Disclaimer and Terms of Use"
        )
        self.assertEqual(DomainPage.objects.live().count(), 4)

    def test_three_courses_of_ten_to_fifteen_modules_with_their_files(self):
        self.assertEqual(CoursePage.objects.live().count(), 3)
        modules = ModulePage.objects.live()
        self.assertTrue(10 <= modules.count() <= 15)
        for module in modules:
            with self.subTest(module=module.slug):
                slides, handouts = module.materials(None)
                self.assertEqual([document.extension for document in slides], ["pptx", "pdf"])
                self.assertTrue(handouts)
                self.assertTrue(all(document.is_generated for document in slides))
                self.assertTrue(module.reference_links.exists())
                self.assertTrue(module.learning_objectives)
                self.assertTrue(module.duration_minutes)

    def test_home_page_features_courses_and_points_trainers_to_them(self):
        home = HomePage.objects.get()
        self.assertEqual(home.featured_courses.count(), 3)
        trainers = home.start_here[0].value
        self.assertEqual(trainers["audience"], "Trainers")
        self.assertEqual(trainers["link_page"].url, "/courses/")
        hr_leaders = home.start_here[1].value
        self.assertEqual(hr_leaders["audience"], "HR leaders")
        self.assertEqual(hr_leaders["link_page"].url, "/handouts/")

    def test_running_again_keeps_an_editors_changes(self):
        about = StandardPage.objects.get(slug="about")
        about.title = "About us"
        about.save_revision().publish()
        call_command("load_demo_content", stdout=StringIO())
        self.assertEqual(StandardPage.objects.get(slug="about").title, "About us")

    def test_one_account_per_role_with_the_demo_password(self):
        User = get_user_model()
        self.assertTrue(User.objects.get(username="admin").is_superuser)
        expected_groups = {"editor": "Editors", "reviewer": "Evidence reviewers",
                           "publisher": "Publishers", "trainer": "Trainers",
                           "hr": "HR leaders"}  # fmt: skip
        for username, group in expected_groups.items():
            user = User.objects.get(username=username)
            self.assertEqual(list(user.groups.values_list("name", flat=True)), [group])
            self.assertTrue(user.check_password(DEMO_PASSWORD))
        self.assertIn(f"password {DEMO_PASSWORD}", self.output.getvalue())


@pytest.mark.django_db
def test_generated_password_is_given_once():
    loader = DemoLoader(log=lambda *args: None)
    password = loader.load_accounts()
    assert len(password) >= 12
    assert get_user_model().objects.get(username="editor").check_password(password)
    assert loader.load_accounts() is None


@pytest.mark.django_db
def test_production_refuses_demo_content_without_the_flag(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="--consortium-pages"):
        call_command("load_demo_content")
    assert not HomePage.objects.exists()


@pytest.mark.django_db
def test_production_loads_consortium_pages_but_no_accounts_or_demo_courses(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    call_command("load_demo_content", consortium_pages=True, stdout=StringIO())
    assert DomainPage.objects.live().count() == 4
    assert not get_user_model().objects.exists()
    assert not CoursePage.objects.exists()

"""Editors can open, change and save every page type, and edit the site settings."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Revision
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from demo.loader import DemoLoader
from home.models import DomainPage, HomePage, SiteSettings, StandardPage
from tests.home.factories import StandardPageFactory
from tests.rich_text import MALFORMED_RICH_TEXT, UNREADABLE


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edited_form_data(page):
    """The edit form as an editor would post it, with one visible change per page."""
    data = {"title": f"{page.title} (edited)", "slug": page.slug}
    paragraph = ("paragraph", rich_text("<p>Edited in the admin.</p>"))
    if isinstance(page, HomePage):
        data |= {
            "mission_heading": page.mission_heading,
            "mission": rich_text(page.mission),
            "goals_intro": page.goals_intro,
            "goals": inline_formset([{"text": goal.text} for goal in page.goals.all()]),
            "featured_courses": inline_formset([]),
            "domains_intro": page.domains_intro,
            "start_here": streamfield([("path", {
                "audience": "Trainers", "text": "Start here.", "link_page": "",
                "link_url": "/education/", "link_text": "Training resources",
            })]),
        }  # fmt: skip
    elif isinstance(page, DomainPage):
        data |= {"summary": page.summary, "body": streamfield([paragraph])}
    else:
        data |= {"intro": page.intro, "body": streamfield([paragraph])}
    return nested_form_data(data)


class EditorCanEditEveryPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = DemoLoader(log=lambda *args: None).load_pages()
        cls.editor = cls.create_user("editor-user", password="pw")
        cls.editor.groups.add(Group.objects.get(name="Editors"))

    def test_every_page_type_renders(self):
        for page in Page.objects.type(HomePage, DomainPage, StandardPage).specific():
            with self.subTest(page=page.url):
                self.assertPageIsRenderable(page)

    def test_editor_can_edit_and_save_every_page(self):
        for page in Page.objects.type(HomePage, DomainPage, StandardPage).specific():
            with self.subTest(page=page.url):
                self.assertPageIsEditable(page, edited_form_data(page), user=self.editor)
                newest = Revision.page_revisions.filter(object_id=str(page.pk)).latest("id")
                self.assertEqual(newest.as_object().title, f"{page.title} (edited)")

    def test_editor_can_preview_every_page(self):
        for page in Page.objects.type(HomePage, DomainPage, StandardPage).specific():
            with self.subTest(page=page.url):
                self.assertPageIsPreviewable(
                    page, post_data=edited_form_data(page), user=self.editor
                )

    def test_editor_drafts_a_page_that_stays_private_until_published(self):
        self.client.force_login(self.editor)
        data = nested_form_data({
            "title": "Accessibility",
            "slug": "accessibility",
            "intro": "How we make the site usable for everyone.",
            "body": streamfield([("paragraph", rich_text("<p>We aim for WCAG 2.2 AA.</p>"))]),
        })  # fmt: skip
        self.assertCanCreate(self.home, StandardPage, data, publish=False)
        draft = StandardPage.objects.get(slug="accessibility")
        self.assertFalse(draft.live)
        self.client.logout()
        self.assertEqual(self.client.get("/accessibility/").status_code, 404)

    def test_goal_list_is_editable_inline(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.home.pk]))
        self.assertContains(response, "goals-TOTAL_FORMS")
        self.assertContains(response, self.home.goals.first().text[:40])

    def test_superuser_can_edit_site_settings(self):
        admin = self.create_superuser("settings-admin", password="pw")
        self.client.force_login(admin)
        site = self.home.get_site()
        url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])
        response = self.client.get(url)
        self.assertContains(response, "shown at the foot of every page")
        response = self.client.post(url, {
            "footer_disclaimer": "Edited disclaimer.",
            "terms_page": SiteSettings.for_site(site).terms_page_id,
            "contact_email": "team@example.org",
            "review_interval_months": 6,
        })  # fmt: skip
        self.assertEqual(response.status_code, 302)
        self.assertEqual(SiteSettings.for_site(site).contact_email, "team@example.org")
        self.assertEqual(SiteSettings.for_site(site).review_interval_months, 6)


# --- Malformed rich text in StreamField blocks ----------------------------------------------------


@pytest.fixture
def standard_page(demo_site):
    body = [("paragraph", RichText("<p>The saved paragraph.</p>"))]
    return StandardPageFactory(parent=demo_site, title="Accessibility", slug="a11y", body=body)


def standard_page_form(body):
    return nested_form_data(
        {
            "title": "A title that must not be saved",
            "slug": "a11y",
            "intro": "How we make the site usable for everyone.",
            "body": streamfield(body),
        }
    )


def block_errors(response, field="body"):
    """{block position: its error messages (or, for a struct block, its children's)}."""
    assert response.status_code == 200, "the form was accepted"
    (error,) = response.context["form"].errors.as_data()[field]
    return error.as_json_data()["blockErrors"]


def assert_nothing_saved(page):
    revisions = Revision.page_revisions.filter(object_id=str(page.pk))
    assert not revisions.exists()
    page.refresh_from_db()
    assert page.title == "Accessibility"
    assert page.body[0].value.source == "<p>The saved paragraph.</p>"


@pytest.mark.parametrize("value", MALFORMED_RICH_TEXT.values(), ids=MALFORMED_RICH_TEXT.keys())
def test_malformed_rich_text_in_a_paragraph_block_is_an_error_on_that_block(
    editor_client, standard_page, value
):
    good = ("paragraph", rich_text("<p>A good paragraph.</p>"))
    data = standard_page_form([good, ("paragraph", value)])
    response = editor_client.post(edit_url(standard_page), {**data, "action-publish": "publish"})
    assert block_errors(response) == {1: {"messages": [UNREADABLE]}}
    assert UNREADABLE in response.content.decode()
    assert_nothing_saved(standard_page)


@pytest.mark.parametrize("value", ["{not json", "[]", '{"blocks": 5}'])
def test_malformed_rich_text_inside_a_struct_block_is_an_error_on_that_field(
    editor_client, standard_page, value
):
    data = standard_page_form([("callout", {"title": "Before you start", "text": value})])
    response = editor_client.post(edit_url(standard_page), data)
    assert block_errors(response) == {0: {"blockErrors": {"text": {"messages": [UNREADABLE]}}}}
    assert_nothing_saved(standard_page)


def test_malformed_rich_text_in_the_home_pages_mission_is_a_form_error(editor_client, demo_site):
    home = demo_site
    mission = home.mission
    data = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "mission_heading": "Our mission",
            "mission": "{not json",
            "goals_intro": home.goals_intro,
            "goals": inline_formset([]),
            "featured_courses": inline_formset([]),
            "domains_intro": home.domains_intro,
            "start_here": streamfield([]),
        }
    )
    response = editor_client.post(edit_url(home), data)
    assert response.status_code == 200
    assert response.context["form"].errors == {"mission": [UNREADABLE]}
    home.refresh_from_db()
    assert home.mission == mission

"""Builds the consortium's page tree, the demo courses and the demo accounts.

Every step is create-if-missing, so running it again changes nothing and never overwrites an
editor's work.
"""

import json
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from courses.models import CourseIndexPage, CoursePage
from demo.courses import CourseDemoLoader, read_data
from demo.pictures import PictureLoader
from demo.trainer_materials import TrainerMaterialsLoader
from home.models import (
    DomainPage,
    HomePage,
    HomePageFeaturedCourse,
    HomePageGoal,
    SiteSettings,
    StandardPage,
)
from library.models import HandoutLibraryPage

DEMO_DIR = Path(__file__).resolve().parent / "data"
# username, group (None for the superuser; the migrations make every group), what it is for
DEMO_ACCOUNTS = [
    ("admin", None, "superuser: everything, including users and settings"),
    ("editor", "Editors", "drafts pages, handouts and references and submits them for review"),
    ("reviewer", "Evidence reviewers", "approves a module's evidence or asks for changes"),
    ("publisher", "Publishers", "publishes, schedules and unpublishes what was approved"),
    ("trainer", "Trainers", "signs in on the site and opens trainer-only material"),
    ("hr", "HR leaders", "signs in on the site to download handouts"),
]


def read_fixture(name):
    with open(DEMO_DIR / name, encoding="utf-8") as fixture:
        return json.load(fixture)


def stream(blocks):
    """Turn the fixture's [type, value] pairs into StreamField data."""
    data = []
    for block_type, value in blocks:
        if block_type == "paragraph":
            value = RichText(value)
        elif block_type == "callout":
            value = {**value, "text": RichText(value["text"])}
        data.append((block_type, value))
    return data


class DemoLoader:
    def __init__(self, log=print):
        self.log = log
        self.created = 0

    def _add_child(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        self.log(f"  created {page.url or page.url_path}")
        return page

    @transaction.atomic
    def load_pages(self):
        site_text = read_fixture("consortium.json")
        pages = read_fixture("pages.json")
        home = self._home_page(site_text)
        for domain in pages["domains"]:
            if not DomainPage.objects.child_of(home).filter(slug=domain["slug"]).exists():
                self._add_child(
                    home,
                    DomainPage(
                        title=domain["title"],
                        slug=domain["slug"],
                        summary=domain["summary"],
                        body=stream(domain["body"]),
                        show_in_menus=True,
                    ),
                )
        about = pages["about"]
        if not Page.objects.child_of(home).filter(slug=about["slug"]).exists():
            self._add_child(
                home,
                StandardPage(
                    title=about["title"],
                    slug=about["slug"],
                    intro=about["intro"],
                    body=stream(about["body"]),
                    show_in_menus=True,
                ),
            )
        terms = Page.objects.child_of(home).filter(slug="terms").first()
        if terms is None:
            paragraphs = "".join(f"<p>{text}</p>" for text in site_text["terms_paragraphs"])
            terms = self._add_child(
                home,
                StandardPage(
                    title=site_text["terms_title"],
                    slug="terms",
                    body=[("paragraph", RichText(paragraphs))],
                    search_by_title_only=True,
                ),
            )
        self._site_settings(home, terms, pages["footer_disclaimer"])
        return home

    def load_site(self, courses=True):
        """The consortium's pages, the demo courses (unless `courses` is false), then the home
        page's "start here" links; returns the home page."""
        home = self.load_pages()
        if courses:
            self.load_courses(home)
        self.load_library(home)
        self.load_pictures(home)
        self.link_home(home)
        return home

    def load_pictures(self, home):
        """The domains' and demo courses' illustrations (demo/illustrations.py), with alt text."""
        course_domains = {course["slug"]: course["domains"] for course in read_data()["courses"]}
        pictures = PictureLoader(log=self.log)
        pictures.load(home, course_domains)
        self.created += pictures.created

    @transaction.atomic
    def load_library(self, home):
        """The handout library at /handouts/, after the courses in the main navigation."""
        library = HandoutLibraryPage.objects.first()
        if library or Page.objects.child_of(home).filter(slug="handouts").exists():
            return library
        library = self._add_child(
            home,
            HandoutLibraryPage(
                title="Handout library",
                slug="handouts",
                intro="Handouts, worksheets, slide decks, facilitator guides and evaluation "
                "forms to open, print or share. Narrow the list by who it is for, domain, topic, "
                "kind, language or format, or search for words in the files.",
                show_in_menus=True,
            ),
        )
        first_standard_page = home.get_children().type(StandardPage).first()
        if first_standard_page:
            library.move(first_standard_page, pos="left")
        return HandoutLibraryPage.objects.get(pk=library.pk)

    @transaction.atomic
    def load_courses(self, home):
        """The demo courses (see demo/courses.py), then the home page's links to them."""
        courses = CourseDemoLoader(home, log=self.log)
        index, course_pages = courses.load()
        self.created += courses.created
        self.created += TrainerMaterialsLoader(log=self.log).load()
        if not home.featured_courses.exists():
            home.featured_courses = [HomePageFeaturedCourse(course=c) for c in course_pages[:3]]
            home.save_revision().publish()
        return index

    def _home_page(self, site_text):
        site = Site.objects.filter(is_default_site=True).first()
        existing = HomePage.objects.first()
        if existing:
            return existing
        root = Page.get_first_root_node()
        # Wagtail's first migration leaves a plain "Welcome" page; the home page replaces it.
        plain_page = ContentType.objects.get_for_model(Page)
        for placeholder in Page.objects.child_of(root).filter(content_type=plain_page):
            if not placeholder.get_children().exists():
                placeholder.delete()
        home = HomePage(
            title="Turning provider distress into resiliency",
            slug="home",
            mission_heading=site_text["mission_heading"],
            mission=f"<p>{site_text['mission']}</p>",
            goals_intro=site_text["goals_intro"],
            domains_intro=site_text["domains_intro"],
            seo_title="STS Consortium: secondary traumatic stress learning and resources",
            search_description=site_text["mission"][:255],
        )
        home.goals = [HomePageGoal(text=text) for text in site_text["goals"]]
        root.add_child(instance=home)
        home.save_revision().publish()
        self.created += 1
        self.log("  created the home page")
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="STS Learn",
            )
        else:
            site.root_page = home
            site.site_name = site.site_name or "STS Learn"
            site.save()
        return home

    def link_home(self, home):
        """Fill the "start here" cards once (last), pointing at the pages that now exist."""
        if home.start_here:
            return
        courses = CourseIndexPage.objects.child_of(home).first()
        for_trainers = courses or DomainPage.objects.child_of(home).get(slug="education")
        handouts = HandoutLibraryPage.objects.child_of(home).live().first()
        for_hr = CoursePage.objects.filter(audiences__slug="hr-leaders").order_by("path").first()
        for_hr = handouts or for_hr or DomainPage.objects.child_of(home).get(slug="practice")
        home.start_here = [
            ("path", {
                "audience": "Trainers",
                "text": "Courses of timed, evidence-informed modules with their slides, handouts "
                "and references, ready to deliver a session on secondary traumatic stress.",
                "link_page": for_trainers, "link_url": "",
                "link_text": "Browse courses" if courses else "Training resources",
            }),
            ("path", {
                "audience": "HR leaders",
                "text": "Handouts for staff, and the organizational side of STS: supervision, "
                "policy and assessment.",
                "link_page": for_hr, "link_url": "",
                "link_text": "Find a handout" if handouts else "The organizational side",
            }),
            ("path", {
                "audience": "Editors",
                "text": "Publish and review the consortium’s material in the editor.",
                "link_page": None, "link_url": "/admin/", "link_text": "Sign in to edit",
            }),
        ]  # fmt: skip
        home.save_revision().publish()

    def _site_settings(self, home, terms, disclaimer):
        site = home.get_site()
        site_settings = SiteSettings.for_site(site)
        if site_settings.terms_page_id is None and not site_settings.footer_disclaimer:
            site_settings.terms_page = terms
            site_settings.footer_disclaimer = disclaimer
            site_settings.save()

    @transaction.atomic
    def load_accounts(self, password=None):
        """Create the demo accounts that do not exist yet; return the password if any were made."""
        User = get_user_model()
        missing = [a for a in DEMO_ACCOUNTS if not User.objects.filter(username=a[0]).exists()]
        if not missing:
            return None
        password = password or secrets.token_urlsafe(12)
        for username, group_name, _purpose in missing:
            user = User(
                username=username,
                email=f"{username}@example.org",
                first_name=username.capitalize(),
                last_name="(demo)",
                is_staff=group_name is None,
                is_superuser=group_name is None,
            )
            user.set_password(password)
            user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            self.created += 1
            self.log(f"  created account {username}")
        return password

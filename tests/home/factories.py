import factory
import wagtail_factories
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.models import DomainPage, HomePage, HomePageGoal, StandardPage


def site_root():
    return Page.get_first_root_node()


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page under the tree's root, made the default site's root page."""

    title = "STS Learn"
    slug = "home"
    parent = factory.LazyFunction(site_root)
    mission = "<p>We aim to transform provider distress into resiliency.</p>"
    goals_intro = "The goals of the STS Consortium include:"
    domains_intro = "The work is being organized around 4 domains."

    class Meta:
        model = HomePage
        skip_postgeneration_save = True

    @factory.post_generation
    def make_site_root(obj, create, extracted, **kwargs):
        if not create:
            return
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=obj, is_default_site=True)
        else:
            site.root_page = obj
            site.save()


class HomePageGoalFactory(factory.django.DjangoModelFactory):
    text = factory.Sequence(lambda n: f"Goal number {n}")

    class Meta:
        model = HomePageGoal


class DomainPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Domain {n}")
    summary = "What this domain covers."
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = DomainPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "A lead paragraph."
    body = factory.LazyFunction(lambda: [("paragraph", RichText("<p>Body text.</p>"))])
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = StandardPage

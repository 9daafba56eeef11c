import factory
import wagtail_factories

from library.models import HandoutLibraryPage
from tests.courses.factories import home_page


class HandoutLibraryPageFactory(wagtail_factories.PageFactory):
    """/handouts/ under the one home page; asking again returns the same library."""

    title = "Handout library"
    slug = "handouts"
    intro = "Handouts to open, print or share."
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = HandoutLibraryPage
        django_get_or_create = ("parent", "slug")

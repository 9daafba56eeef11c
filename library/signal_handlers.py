"""The library lists documents and the modules that use them: changing either purges it from the
shared cache (with every filtered view of it: Varnish bans by path)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from courses.models import CourseIndexPage, CoursePage, ModulePage
from home.models import DomainPage
from library.models import HandoutLibraryPage
from sts_learn import purging

# Pages whose title, address, privacy or domains the library shows, or that take modules offline.
LISTED_PAGE_TYPES = (ModulePage, CoursePage, CourseIndexPage, DomainPage)


def purge_library(**kwargs):
    if purging.enabled():
        purging.purge(list(HandoutLibraryPage.objects.live()))


def purge_library_for_page(sender, instance, **kwargs):
    listed = isinstance(instance, LISTED_PAGE_TYPES)
    if listed or (isinstance(sender, type) and issubclass(sender, LISTED_PAGE_TYPES)):
        purge_library()


def connect():
    page_published.connect(purge_library_for_page, dispatch_uid="library-page-published")
    page_unpublished.connect(purge_library_for_page, dispatch_uid="library-page-unpublished")
    post_page_move.connect(purge_library_for_page, dispatch_uid="library-page-moved")
    for signal in (post_save, post_delete):
        signal.connect(
            purge_library, sender="courses.CourseDocument", dispatch_uid=f"library-doc-{signal}"
        )
        signal.connect(
            purge_library, sender=PageViewRestriction, dispatch_uid=f"library-restriction-{signal}"
        )
    m2m_changed.connect(
        purge_library,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="library-restriction-groups",
    )

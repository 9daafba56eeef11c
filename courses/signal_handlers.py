"""Changing a document purges the module pages that offer it (not the whole site)."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from courses.models import ModulePage
from sts_learn import purging


def purge_modules_offering(sender, instance, **kwargs):
    if not purging.enabled():
        return
    modules = ModulePage.objects.filter(
        Q(pk=instance.generated_for_id)
        | Q(slide_links__document=instance)
        | Q(handout_links__document=instance)
        | Q(slides_replacement=instance)
    ).distinct()
    purging.purge(list(modules))


def connect():
    for signal in (post_save, post_delete):
        signal.connect(
            purge_modules_offering,
            sender="courses.CourseDocument",
            dispatch_uid=f"purge-document-{signal}",
        )

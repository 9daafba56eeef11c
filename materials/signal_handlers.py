"""Publishing a module prints its materials again, in a background task after the commit."""

from django.db import transaction
from wagtail.signals import page_published

from courses.models import ModulePage
from materials.tasks import regenerate_module_materials


def module_published(sender, instance, **kwargs):
    transaction.on_commit(lambda: regenerate_module_materials.enqueue(instance.pk))


def connect():
    page_published.connect(module_published, sender=ModulePage, dispatch_uid="print-module")

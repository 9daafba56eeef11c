"""What accepting a shared resource does: its file becomes a document in Course materials."""

import os

from django.core.files import File
from django.db import transaction

from contributions.models import SharedResource
from contributions.uploads import safe_file_name
from courses.collections import course_materials
from courses.models import CourseDocument


def accept(resource, kind, editor):
    """Copy the submitted file into Course materials as a document, once; return the document.

    A submission without a file, or one already accepted, makes nothing. The row is locked first,
    so two editors accepting at the same moment still make one document.
    """
    with transaction.atomic():
        locked = SharedResource.objects.select_for_update().get(pk=resource.pk)
        if locked.document_id or not locked.upload:
            resource.document_id = locked.document_id
            return locked.document
        document = CourseDocument(
            title=locked.title,
            collection=course_materials(),
            kind=kind,
            description=locked.description,
            uploaded_by_user=editor,
        )
        name = safe_file_name(locked.upload_name or os.path.basename(locked.upload.name))
        with locked.upload.open("rb") as source:
            document.file.save(name, File(source), save=False)
        document.save()
        document.audiences.set(locked.audiences.all())
        SharedResource.objects.filter(pk=locked.pk).update(document=document)
        resource.document = document
    return document

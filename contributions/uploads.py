"""Files people share: checked as every document upload is, and kept where nothing serves them.

The checks are the document library's own: Wagtail's document file field (the size limit,
WAGTAILDOCS_MAX_UPLOAD_SIZE) and the document model's validation (the allowed extensions and the
first bytes that must match them, courses/models/documents.py). A submitted file is stored under
PRIVATE_FOLDER with a random name; the site serves no URL below it (only image renditions are
served from media, sts_learn/views.py), so editors download it through the admin alone.
"""

import os
import uuid

from django.core.exceptions import ValidationError
from pathvalidate import sanitize_filename

from courses.models import CourseDocument

PRIVATE_FOLDER = "shared-resources"
MAX_NAME = 120


def check_upload(uploaded_file):
    """Refuse a file the document library would refuse, with the same message.

    The document model is asked itself (never saved), so the rules live in one place.
    """
    try:
        CourseDocument(file=uploaded_file).clean()
    except ValidationError as error:
        messages = error.message_dict.get("file") if hasattr(error, "error_dict") else None
        raise ValidationError(messages or error.messages) from None


def private_upload_path(instance, filename):
    """shared-resources/<random>.<ext>: a name nobody can guess, with the checked extension."""
    extension = os.path.splitext(filename)[1].lower()
    return f"{PRIVATE_FOLDER}/{uuid.uuid4().hex}{extension}"


def safe_file_name(name):
    """The submitter's file name, fit for a download header and any computer's disk."""
    words = " ".join(os.path.basename(name or "").split())
    cleaned = sanitize_filename(words, platform="universal")
    return cleaned[-MAX_NAME:] or "shared-resource"

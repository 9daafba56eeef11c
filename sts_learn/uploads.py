"""No request body larger than the largest file the site accepts is ever read to the end.

Django spools an upload to a temporary file before any form can refuse it, so a visitor could
fill the disk with bodies far over the document limit. The first upload handler stops reading once
a request's files pass WAGTAILDOCS_MAX_UPLOAD_SIZE (plus room for the other form fields) and marks
the request, so the form can say why the file is missing.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload

FORM_FIELDS_ALLOWANCE = 1024 * 1024


def upload_limit():
    return settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + FORM_FIELDS_ALLOWANCE


class UploadSizeLimit(FileUploadHandler):
    """Stops an upload past the limit; `request.upload_too_large` tells the view."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # Stopping here would not be caught by Django's parser: the first file chunk stops it.
        self.too_large = bool(content_length and content_length > upload_limit())
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.too_large or self.received > upload_limit():
            self._stop()
        return raw_data

    def file_complete(self, file_size):
        return None

    def _stop(self):
        if self.request is not None:
            self.request.upload_too_large = True
        raise StopUpload(connection_reset=True)

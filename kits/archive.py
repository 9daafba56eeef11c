"""The kit as one ZIP, streamed as it is built, with its exact size known before the first byte.

Slides and handouts are stored, not compressed (they are compressed already), and so are the
small generated files: with every member stored, zipstream-ng computes the archive's size in
advance, so the download carries a true Content-Length and browsers show real progress.

The same kit always gives the same bytes (members in agenda order, dated by the kit's newest
module, generated PDFs dated the same way), so a cut download can resume with a Range request;
the kit's ETag changes whenever any byte would.
"""

import hashlib
import threading
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from zipstream import ZIP_STORED, ZipStream
from zipstream import ng as zipstream_ng

from kits import printouts
from kits.names import UniqueNames, safe_name

CHUNK = 1024 * 1024  # large reads: the CRC and the socket see fewer, bigger pieces


class KitRefused(Exception):
    """The kit cannot be downloaded; the message says why, in words a trainer understands."""


@dataclass
class Member:
    name: str
    document: object = None
    data: bytes = b""

    @property
    def size(self):
        return self.document.file_size if self.document else len(self.data)


def _stream(document):
    with document.file.storage.open(document.file.name, "rb") as stored:
        while chunk := stored.read(CHUNK):
            yield chunk


# zipstream-ng stamps members added from memory or iterators with the time they are written;
# a resumable download needs the same date every time. While a kit is being written (in this
# thread), its members carry the kit's date instead.
_member_date = threading.local()


class _DatedMemberInfo(zipstream_ng.ZipStreamInfo):
    def __init__(self, filename, date_time=None):
        super().__init__(filename, date_time or getattr(_member_date, "value", None))


zipstream_ng.ZipStreamInfo = _DatedMemberInfo


class DatedArchive:
    """A ZipStream whose members are dated `date_time`, iterated in chunks; len() is exact."""

    def __init__(self, archive, date_time):
        self.archive = archive
        self.date_time = date_time

    def __len__(self):
        return len(self.archive)

    def __iter__(self):
        chunks = iter(self.archive)
        while True:
            _member_date.value = self.date_time
            try:
                chunk = next(chunks)
            except StopIteration:
                return
            finally:
                _member_date.value = None
            yield chunk

    def byte_range(self, start, end):
        """The bytes from `start` to `end` (inclusive), without sending what comes before."""
        position = 0
        for chunk in self:
            chunk_end = position + len(chunk)
            if chunk_end > start:
                yield chunk[max(start - position, 0) : end + 1 - position]
            if chunk_end > end:
                return
            position = chunk_end


def material_names(kit):
    """{document id: name in the ZIP}, numbered in agenda order ("03 - Module - Handout.pdf")."""
    unique, names = UniqueNames(), {}
    number = 0
    for item in kit.modules:
        for document in item.documents:
            if document.pk in names:
                continue  # one copy of a handout that several modules share
            number += 1
            extension = document.extension or "bin"
            title = document.title
            if title.lower().endswith(f".{extension}"):  # "Intro.pdf" is not "Intro.pdf.pdf"
                title = title[: -len(extension) - 1]
            if not title.lower().startswith(item.title.lower()):
                title = f"{item.title[:60]} - {title}"
            names[document.pk] = unique(f"{number:02d} - {title}", extension)
    return names


def check(kit):
    """Refuse, before anything is streamed, a kit that is empty, too big or missing a file."""
    if not kit.modules:
        raise KitRefused("The kit has no modules yet: add at least one module to download it.")
    missing = []
    for document in kit.documents:
        # The size the storage reports now, not the one recorded at upload: the ZIP's length
        # is computed from it, so it must be the size of the bytes that will be streamed.
        try:
            document.file_size = document.file.storage.size(document.file.name)
        except (OSError, ValueError):
            missing.append(document.title)
    if missing:
        raise KitRefused(
            "These files are missing on the server, so the kit cannot be built: "
            + "; ".join(f"“{title}”" for title in missing)
            + ". Please tell the site's editors; you can remove the module to download the rest."
        )
    total = sum({d.pk: d.file_size for d in kit.documents}.values())
    limit = settings.KIT_MAX_BYTES
    if total > limit:
        raise KitRefused(
            f"The kit's files come to {filesizeformat(total)}, over the {filesizeformat(limit)} "
            "a kit may hold. Remove a module or two, or download them separately."
        )


def members(kit, terms_url, kit_url):
    """Every file of the ZIP, in order, under one folder named after the kit."""
    folder = safe_name(printouts.kit_title(kit), "Session kit")[:80]
    names = material_names(kit)
    files = [
        Member("README.html", data=printouts.readme_html(kit, terms_url, kit_url, names).encode()),
        Member("Agenda.pdf", data=printouts.agenda_pdf(kit)),
        Member("Agenda.html", data=printouts.agenda_html(kit).encode()),
        Member("Facilitator guide.pdf", data=printouts.guide_pdf(kit)),
        Member("Evaluation form.pdf", data=printouts.evaluation_pdf(kit)),
        Member("References.txt", data=printouts.references_text(kit).encode()),
        Member("Licences and attribution.txt",
               data=printouts.attribution_text(kit, names).encode()),
    ]  # fmt: skip
    seen = set()
    for item in kit.modules:
        for document in item.documents:
            if document.pk not in seen:
                seen.add(document.pk)
                files.append(Member(f"Slides and handouts/{names[document.pk]}", document))
    return [Member(f"{folder}/{member.name}", member.document, member.data) for member in files]


def _zip_date(moment):
    """A ZIP member date (local time, at least 1980) for an aware datetime."""
    return max(timezone.localtime(moment).timetuple()[:6], (1980, 1, 1, 0, 0, 0))


def _etag(kit_members, date_time):
    """Changes whenever a byte of the archive would: names, sizes, file hashes, generated text."""
    digest = hashlib.sha256(repr(date_time).encode())
    for member in kit_members:
        digest.update(member.name.encode())
        digest.update(str(member.size).encode())
        if member.document:
            digest.update(f"{member.document.pk}:{member.document.file_hash}".encode())
        else:
            digest.update(hashlib.sha256(member.data).digest())
    return f'"{digest.hexdigest()[:32]}"'


def build(kit, terms_url, kit_url):
    """(archive, file name, ETag): call `check(kit)` first; nothing is read until iterated."""
    kit_members = members(kit, terms_url, kit_url)
    date_time = _zip_date(kit.version_date)
    archive = ZipStream(compress_type=ZIP_STORED, sized=True)
    for member in kit_members:
        if member.document:
            archive.add(_stream(member.document), member.name, size=member.size)
        else:
            archive.add(member.data, member.name)
    filename = f"{safe_name(printouts.kit_title(kit), 'Session kit')[:80]}.zip"
    return DatedArchive(archive, date_time), filename, _etag(kit_members, date_time)

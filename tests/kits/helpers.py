"""Reading what the kit builder answers: its pages, ZIPs and PDFs, as a trainer would."""

import io
import zipfile
from urllib.parse import urlencode

from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.courses.helpers import soup, squash

FOLDER = "Session on secondary traumatic stress"  # the folder of a kit without a title
GENERATED = [
    "README.html",
    "Agenda.pdf",
    "Agenda.html",
    "Facilitator guide.pdf",
    "Evaluation form.pdf",
    "References.txt",
    "Licences and attribution.txt",
]
MATERIALS = "Slides and handouts/"


def kit_query(items=(), **params):
    """The query string of a kit link: items are module pages, ids or tokens such as "b15"."""
    tokens = [str(getattr(item, "pk", item)) for item in items]
    return urlencode({"items": ",".join(tokens), **params})


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def open_zip(content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    assert archive.testzip() is None
    return archive


def pdf_text(content):
    """The text of every page of a PDF, whitespace squashed into single spaces."""
    reader = PdfReader(io.BytesIO(content))
    return squash(" ".join(page.extract_text() or "" for page in reader.pages))


def stored_bytes(document):
    with document.file.storage.open(document.file.name, "rb") as stored:
        return stored.read()


def problems(response):
    """The items of the kit page's "Please check your kit" message."""
    box = soup(response).select_one(".message--error")
    return [squash(li.get_text()) for li in box.select("li")] if box else []


def left_out(response):
    """The items of the kit page's "Left out of this kit" notice."""
    box = soup(response).select_one(".notice:has(.notice__title)")
    return [squash(li.get_text()) for li in box.select("li")] if box else []


def not_available(page_id):
    """What every kit view says of a module the visitor may not have, whatever the cause."""
    return (
        f"Module {page_id} is not available: it may have been unpublished or be open only to "
        "signed-in trainers."
    )


def agenda_rows(response):
    """The kit page's (or agenda print view's) agenda rows as (time, item, minutes)."""
    rows = []
    for row in soup(response).select("table.agenda tbody tr"):
        cells = row.find_all(["td", "th"])
        title = cells[1].find("a") or cells[1]
        rows.append(
            (squash(cells[0].get_text()), squash(title.get_text()), squash(cells[2].get_text()))
        )
    return rows


def agenda_total(response):
    return squash(soup(response).select_one("table.agenda tfoot td").get_text())


def download(client, query):
    """The kit's ZIP as the browser receives it: every byte, checked against Content-Length."""
    response = client.get(f"/kits/download/?{query}")
    assert response.status_code == 200, problems(response)
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    content = body(response)
    assert int(response["Content-Length"]) == len(content)
    return open_zip(content)


def materials(archive):
    """The names of the slides and handouts in the ZIP (without the kit's folder), in order."""
    names = []
    for name in archive.namelist():
        _folder, _, rest = name.partition("/")
        if rest.startswith(MATERIALS):
            names.append(rest.removeprefix(MATERIALS))
    return names


def read_member(archive, suffix):
    """The bytes of the one member whose name ends with `suffix`."""
    (name,) = [name for name in archive.namelist() if name.endswith(suffix)]
    return archive.read(name)


def assert_refused(response, status, message):
    """A refused download: the kit page with the reason, and not one byte of a ZIP."""
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response
    content = body(response)
    assert not content.startswith(b"PK")
    assert any(message in problem for problem in problems(response)), problems(response)


def link_named(response, name):
    """The href of the link whose text (hidden text included) or accessible label is `name`."""
    (href,) = [
        a["href"]
        for a in soup(response).find_all("a")
        if name in (squash(a.get_text()), a.get("aria-label"))
    ]
    return href


def readme_text(archive):
    """The README of a kit's ZIP as the words a reader sees."""
    html = read_member(archive, "/README.html").decode()
    return squash(BeautifulSoup(html, "html.parser").get_text(" "))


def generated_text(archive):
    """The text of the ZIP's generated files (README, agenda, guide, lists), PDFs extracted."""
    texts = []
    for name in archive.namelist():
        if f"/{MATERIALS}" in name:
            continue
        data = archive.read(name)
        if name.endswith(".pdf"):
            texts.append(pdf_text(data))
        elif name.endswith(".html"):
            texts.append(squash(BeautifulSoup(data.decode(), "html.parser").get_text(" ")))
        else:
            texts.append(data.decode())
    return "\n".join(texts)

"""Kit downloads cannot take the site down: slow ones never block pages, none is cut short,
and a cut one resumes where it stopped."""

import socket
import time
import urllib.request
import zipfile
from io import BytesIO

import pytest

from tests.courses.factories import (
    PPTX_BYTES,
    CoursePageFactory,
    ModulePageFactory,
    SlidesFactory,
    home_page,
)
from tests.home.factories import StandardPageFactory

from .conftest import WORKER_TIMEOUT, fetch, gunicorn

pytestmark = pytest.mark.serving

SLOW_DOWNLOADS = 20
DECK_BYTES = 12 * 1024 * 1024  # more than the socket buffers hold: a slow reader holds a thread


@pytest.fixture
def big_kit(committed_db):
    course = CoursePageFactory(title="Understanding STS")
    module = ModulePageFactory(
        parent=course,
        title="Recognizing stress",
        slides=[SlidesFactory(title="Big deck", file__data=PPTX_BYTES + b"\0" * DECK_BYTES)],
    )
    StandardPageFactory(parent=home_page(), title="About", slug="about")
    return f"/kits/download/?items={module.pk}&title=Team+session"


def open_slow_download(base_url, path):
    """Ask for the kit, read the headers, then stop reading (the buffers fill, the server waits)."""
    host, port = base_url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)))
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1024)
    assert head.startswith(b"HTTP/1.1 200"), head[:200]
    length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    return sock, head.split(b"\r\n\r\n", 1)[1], length


def read_to_the_end(sock, received, length):
    while len(received) < length:
        chunk = sock.recv(1024 * 1024)
        if not chunk:
            break
        received += chunk
    sock.close()
    return received


def test_twenty_slow_downloads_leave_pages_answering_and_all_finish(site, big_kit):
    downloads = [open_slow_download(site, big_kit) for _ in range(SLOW_DOWNLOADS)]
    time.sleep(1)  # every download is now stuck sending, holding its thread

    started = time.monotonic()
    status, _, body = fetch(f"{site}/about/", timeout=5)
    page_seconds = time.monotonic() - started

    time.sleep(WORKER_TIMEOUT + 1)  # longer than gunicorn's worker timeout, every download stalled
    archives = [read_to_the_end(*download) for download in downloads]

    assert status == 200 and "About" in body
    assert page_seconds < 1.0, f"the page took {page_seconds:.2f} s"
    lengths = {len(archive) for archive in archives}
    assert lengths == {downloads[0][2]}
    with zipfile.ZipFile(BytesIO(archives[0])) as kit:
        assert kit.testzip() is None
        deck = next(name for name in kit.namelist() if name.endswith(".pptx"))
        assert kit.getinfo(deck).file_size == len(PPTX_BYTES) + DECK_BYTES


def test_downloads_beyond_the_slots_are_told_to_retry_while_pages_answer(served_env, big_kit):
    one_worker = {"WEB_CONCURRENCY": "1", "GUNICORN_THREADS": "4", "DOWNLOAD_SLOTS": "2"}
    with gunicorn(served_env, **one_worker) as site:
        downloads = [open_slow_download(site, big_kit) for _ in range(2)]  # both slots taken
        time.sleep(0.5)
        status, headers, body = fetch(f"{site}{big_kit}")
        page_status = fetch(f"{site}/about/", timeout=5)[0]
        for download in downloads:
            read_to_the_end(*download)
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Too many downloads at once" in body
    assert page_status == 200


def test_a_cut_download_resumes_from_where_it_stopped(site, big_kit):
    status, headers, whole = fetch_bytes(f"{site}{big_kit}")
    assert status == 200 and headers["Accept-Ranges"] == "bytes"
    cut = len(whole) // 3
    status, resumed_headers, rest = fetch_bytes(
        f"{site}{big_kit}", {"Range": f"bytes={cut}-", "If-Range": headers["ETag"]}
    )
    assert status == 206
    assert resumed_headers["Content-Range"] == f"bytes {cut}-{len(whole) - 1}/{len(whole)}"
    assert whole[:cut] + rest == whole
    with zipfile.ZipFile(BytesIO(whole[:cut] + rest)) as kit:
        assert kit.testzip() is None


def fetch_bytes(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers, response.read()

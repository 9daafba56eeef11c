"""A cut kit download resumes: the same kit is the same bytes, and Range requests are honoured."""

import time

import pytest
from zipstream import ng as zipstream_ng

from .helpers import body, kit_query, open_zip


@pytest.fixture
def kit_url(world):
    agenda = [world["recognizing"], "b15", world["self_care"]]
    return f"/kits/download/?{kit_query(agenda, title='Team day', start='09:30')}"


def get(client, url, **headers):
    response = client.get(
        url, **{f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
    )
    return response, body(response)


def test_the_same_kit_is_the_same_bytes_later(client, kit_url, monkeypatch):
    first, whole = get(client, kit_url)
    later = time.localtime(time.time() + 3 * 3600)  # as if downloaded three hours later
    monkeypatch.setattr(zipstream_ng.time, "localtime", lambda *args: later)
    second, again = get(client, kit_url)
    assert again == whole
    assert second["ETag"] == first["ETag"]


def test_download_announces_ranges_and_its_version(client, kit_url):
    response, whole = get(client, kit_url)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["ETag"].startswith('"')
    assert int(response["Content-Length"]) == len(whole)


def test_a_cut_download_resumes_where_it_stopped(client, kit_url):
    response, whole = get(client, kit_url)
    cut = len(whole) // 2 + 123
    resumed, rest = get(client, kit_url, range=f"bytes={cut}-", if_range=response["ETag"])
    assert resumed.status_code == 206
    assert resumed["Content-Range"] == f"bytes {cut}-{len(whole) - 1}/{len(whole)}"
    assert int(resumed["Content-Length"]) == len(rest) == len(whole) - cut
    assert whole[:cut] + rest == whole
    assert open_zip(whole[:cut] + rest).namelist()


@pytest.mark.parametrize(
    ("header", "part"),
    [
        ("bytes=0-99", slice(0, 100)),
        ("bytes=-50", slice(-50, None)),
        ("bytes=10-10", slice(10, 11)),
    ],
)
def test_one_byte_range(client, kit_url, header, part):
    _, whole = get(client, kit_url)
    response, piece = get(client, kit_url, range=header)
    assert response.status_code == 206
    assert piece == whole[part]


def test_a_range_past_the_end_is_refused_with_the_length(client, kit_url):
    _, whole = get(client, kit_url)
    response, _ = get(client, kit_url, range=f"bytes={len(whole)}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(whole)}"


@pytest.mark.parametrize("header", ["bytes=0-9,20-29", "items=0-9", "bytes=x-", "bytes=9-2"])
def test_other_ranges_get_the_whole_kit(client, kit_url, header):
    _, whole = get(client, kit_url)
    response, again = get(client, kit_url, range=header)
    assert response.status_code == 200
    assert again == whole


def test_an_older_version_is_not_resumed_but_sent_whole(client, kit_url, world):
    response, _ = get(client, kit_url)
    module = world["recognizing"]
    module.title = "Recognizing secondary traumatic stress"
    module.save_revision().publish()
    resumed, content = get(client, kit_url, range="bytes=100-", if_range=response["ETag"])
    assert resumed.status_code == 200
    assert resumed["ETag"] != response["ETag"]
    assert open_zip(content).namelist()

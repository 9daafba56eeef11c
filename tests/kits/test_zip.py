"""The kit's ZIP: what is in it, in which order, under which names, byte for byte."""

import posixpath
import zipfile
from urllib.parse import unquote

import pytest
from django.db import connection

from courses.models import CourseDocument
from tests.courses.factories import HandoutFactory, ModulePageFactory, SlidesFactory

from .helpers import (
    FOLDER,
    GENERATED,
    MATERIALS,
    download,
    kit_query,
    materials,
    read_member,
    readme_text,
    stored_bytes,
)


@pytest.fixture
def agenda(world):
    return [world["recognizing"], "b15", world["self_care"], world["reflective"]]


def test_members_are_the_printouts_then_the_materials_in_agenda_order(client, agenda):
    archive = download(client, kit_query(agenda, title="Team day", start="09:30"))
    assert archive.namelist() == [
        *(f"Team day/{name}" for name in GENERATED),
        f"Team day/{MATERIALS}01 - Recognizing STS - Slides.pptx",
        f"Team day/{MATERIALS}02 - Recognizing STS - Signs checklist.pdf",
        f"Team day/{MATERIALS}03 - Recognizing STS - Shared worksheet.pdf",
        f"Team day/{MATERIALS}04 - Self-care plans - Slides.pptx",
        f"Team day/{MATERIALS}05 - Reflective supervision - Supervision prompts.pdf",
    ]


def test_materials_are_renumbered_when_the_agenda_changes(client, world):
    order = [world["reflective"], "b10", world["self_care"], world["recognizing"]]
    archive = download(client, kit_query(order))
    assert materials(archive) == [
        "01 - Reflective supervision - Supervision prompts.pdf",
        "02 - Self-care plans - Slides.pptx",
        "03 - Self-care plans - Shared worksheet.pdf",
        "04 - Recognizing STS - Slides.pptx",
        "05 - Recognizing STS - Signs checklist.pdf",
    ]
    assert all(name.startswith(f"{FOLDER}/") for name in archive.namelist())


def test_every_material_is_stored_whole_and_unchanged(client, world, agenda):
    archive = download(client, kit_query(agenda))
    documents = {
        "Recognizing STS - Slides.pptx": world["recognizing"].slide_links.get().document,
        "Signs checklist.pdf": CourseDocument.objects.get(title="Signs checklist"),
        "Shared worksheet.pdf": world["shared"],
        "Self-care plans - Slides.pptx": world["self_care"].slide_links.get().document,
        "Supervision prompts.pdf": CourseDocument.objects.get(title="Supervision prompts"),
    }
    infos = [info for info in archive.infolist() if f"/{MATERIALS}" in info.filename]
    assert len(infos) == len(documents)
    for info in infos:
        (document,) = [d for suffix, d in documents.items() if info.filename.endswith(suffix)]
        assert info.compress_type == zipfile.ZIP_STORED, info.filename
        assert archive.read(info) == stored_bytes(document), info.filename
        assert info.file_size == document.file.size


def test_a_handout_shared_by_two_modules_is_in_the_zip_once(client, world, agenda):
    archive = download(client, kit_query(agenda))
    shared = [name for name in archive.namelist() if "Shared worksheet" in name]
    assert len(shared) == 1
    assert archive.read(shared[0]) == stored_bytes(world["shared"])


def test_the_download_is_named_after_the_kit(client, agenda):
    response = client.get(f"/kits/download/?{kit_query(agenda, title='Team day')}")
    assert response["Content-Disposition"] == 'attachment; filename="Team day.zip"'
    assert "no-store" in response["Cache-Control"]
    response = client.get(f"/kits/download/?{kit_query(agenda)}")
    assert response["Content-Disposition"] == f'attachment; filename="{FOLDER}.zip"'


def test_a_kit_title_beyond_latin_1_still_names_the_download(client, agenda):
    """RFC 6266: a raw non-Latin-1 name would make Django MIME-encode the whole header."""
    title = "Team’s day 🙂"
    response = client.get(f"/kits/download/?{kit_query(agenda, title=title)}")
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;"), disposition
    encoded = disposition.split("filename*=utf-8''", 1)[1]
    assert unquote(encoded) == f"{title}.zip"


def test_readme_describes_the_kit_and_links_back_to_it(client, agenda):
    query = kit_query(agenda, title="Team day", date="2026-12-01", start="09:30")
    archive = download(client, query)
    readme = readme_text(archive)
    assert readme.startswith(
        "Read me: Team day Session kit · STS Consortium Team day "
        "1 December 2026, 09:30–11:50 · 2 h 20 min in all"
    )
    assert f"http://testserver/kits/?{query}" in readme
    assert "Left out of this kit" not in readme
    for name in materials(archive):
        assert name in readme


def test_references_are_listed_once_in_apa_order(client, world, agenda):
    archive = download(client, kit_query(agenda))
    text = read_member(archive, "/References.txt").decode()
    bride = world["recognizing"].references()[0].apa_text()
    ovc = world["self_care"].references()[0].apa_text()
    assert text == f"References (APA 7)\n\n{bride}\n\n{ovc}\n"


def test_licences_name_each_file_of_the_kit(client, agenda):
    archive = download(client, kit_query(agenda))
    text = read_member(archive, "/Licences and attribution.txt").decode()
    for name in materials(archive):
        assert f"{name}\n  Licence: All rights reserved (used with permission)" in text


def test_licences_name_a_shared_handout_once(client, agenda):
    archive = download(client, kit_query(agenda))
    text = read_member(archive, "/Licences and attribution.txt").decode()
    assert text.count("Shared worksheet.pdf") == 1


def test_agenda_html_is_a_standalone_page(client, agenda):
    archive = download(client, kit_query(agenda, title="Team day"))
    html = read_member(archive, "/Agenda.html").decode()
    assert "<title>Agenda: Team day</title>" in html
    assert "<style>" in html and "<link" not in html
    assert "Back to the kit" not in html
    for title in ("Recognizing STS", "Break", "Self-care plans", "Reflective supervision"):
        assert f'<th scope="row">{title}</th>' in html


# --- Hostile names -------------------------------------------------------------------------------

# PostgreSQL cannot store a NUL byte in text (and the admin's forms refuse one anyway): there the
# title carries another control character instead; the NUL case is covered by test_names.py.
# 255 characters is the longest title a document may have.
CONTROL_TITLE = "bell\x07byte" if connection.vendor == "postgresql" else "nul\x00byte"
HOSTILE_TITLES = ["../../x", "/etc/x", "C:\\x", "CON", CONTROL_TITLE, "T" * 255, "Intro.pdf"]


def assert_inside(name, folder):
    """A member name that unpacks inside the kit's folder on every system."""
    assert name.startswith(f"{folder}/"), name
    assert "\\" not in name and ":" not in name, repr(name)
    assert not any(ord(char) < 32 for char in name), repr(name)
    assert not name.startswith("/")
    assert posixpath.normpath(name) == name, name
    parts = name.split("/")
    assert all(part and part not in (".", "..") for part in parts), name
    assert all(not part.startswith(".") for part in parts), name
    assert all(len(part.encode()) <= 255 for part in parts), name


@pytest.fixture
def hostile_module(world):
    documents = [HandoutFactory(title=title) for title in HOSTILE_TITLES]
    documents.append(HandoutFactory(title="Intro.pdf"))
    return ModulePageFactory(
        parent=world["understanding"],
        title="../../Module",
        slides=[SlidesFactory(title="C:\\Windows\\System32")],
        handouts=documents,
    )


@pytest.mark.parametrize("kit_title", ["", "../../etc", "/root", "C:\\Users", "CON", "é" * 190])
def test_hostile_titles_make_names_inside_the_kit_folder(client, hostile_module, kit_title):
    archive = download(client, kit_query([hostile_module], title=kit_title))
    names = archive.namelist()
    folder = names[0].split("/")[0]
    assert folder not in ("", ".", "..")
    assert folder.upper() != "CON"
    for name in names:
        assert_inside(name, folder)
    assert len({name.lower() for name in names}) == len(names)
    assert len(materials(archive)) == 1 + len(HOSTILE_TITLES) + 1
    numbers = [name[:2] for name in materials(archive)]
    assert numbers == [f"{n:02d}" for n in range(1, len(numbers) + 1)]


def test_two_documents_with_one_title_are_both_in_the_zip(client, hostile_module):
    archive = download(client, kit_query([hostile_module]))
    intros = [name for name in materials(archive) if "Intro" in name]
    assert len(intros) == 2
    first, second = CourseDocument.objects.filter(title="Intro.pdf").order_by("pk")
    contents = [read_member(archive, name) for name in intros]
    assert sorted(contents) == sorted([stored_bytes(first), stored_bytes(second)])


def test_hostile_document_bytes_are_unchanged(client, hostile_module):
    archive = download(client, kit_query([hostile_module]))
    documents = [link.document for link in hostile_module.slide_links.all()] + [
        link.document for link in hostile_module.handout_links.order_by("sort_order")
    ]
    assert [read_member(archive, name) for name in materials(archive)] == [
        stored_bytes(document) for document in documents
    ]

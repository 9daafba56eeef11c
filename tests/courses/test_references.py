"""References: APA 7 on the page, RIS and BibTeX downloads for reference managers."""

import bibtexparser
import pytest
import rispy
from django.core.exceptions import ValidationError

from courses import citations
from courses.models import Reference

from .factories import ModulePageFactory, ReferenceFactory


def reference(**fields):
    """An unsaved reference (citations never need the database)."""
    defaults = {"kind": "article", "year": "2020", "title": "A title", "source": "Traumatology"}
    return Reference(**{**defaults, **fields})


def names(count):
    return [f"Author{i}, A." for i in range(1, count + 1)]


BRIDE = {
    "kind": "article",
    "authors": "Bride, B. E.\nRobinson, M. M.\nYegidis, B.\nFigley, C. R.",
    "year": "2004",
    "title": "Development and validation of the Secondary Traumatic Stress Scale",
    "source": "Research on Social Work Practice",
    "volume": "14",
    "issue": "1",
    "pages": "27–35",
    "doi": "10.1177/1049731503254106",
}
STAMM = {
    "kind": "book",
    "authors": "Stamm, B. H.",
    "year": "2010",
    "title": "The Concise ProQOL Manual",
    "edition": "2nd",
    "publisher": "ProQOL.org",
}
FIGLEY = {
    "kind": "book",
    "authors": "Figley, C. R.",
    "authors_are_editors": True,
    "year": "1995",
    "title": "Compassion fatigue: Coping with secondary traumatic stress disorder in those who "
    "treat the traumatized",
    "publisher": "Brunner/Mazel",
}
SAMHSA = {
    "kind": "report",
    "authors": "Substance Abuse and Mental Health Services Administration",
    "year": "2014",
    "title": "Tips for disaster responders: Understanding compassion fatigue",
    "report_number": "HHS Publication No. SMA-14-4869",
}


# --- APA 7 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (BRIDE, "Bride, B. E., Robinson, M. M., Yegidis, B., & Figley, C. R. (2004). Development "
         "and validation of the Secondary Traumatic Stress Scale. Research on Social Work "
         "Practice, 14(1), 27–35. https://doi.org/10.1177/1049731503254106"),
        (STAMM, "Stamm, B. H. (2010). The Concise ProQOL Manual (2nd ed.). ProQOL.org."),
        (FIGLEY, "Figley, C. R. (Ed.). (1995). Compassion fatigue: Coping with secondary traumatic "
         "stress disorder in those who treat the traumatized. Brunner/Mazel."),
        (SAMHSA, "Substance Abuse and Mental Health Services Administration. (2014). Tips for "
         "disaster responders: Understanding compassion fatigue (HHS Publication No. "
         "SMA-14-4869)."),
        ({"kind": "webpage", "authors": "Office for Victims of Crime", "year": "2017",
          "title": "The Vicarious Trauma Toolkit", "url": "https://ovc.ojp.gov/program/vtt"},
         "Office for Victims of Crime. (2017). The Vicarious Trauma Toolkit. "
         "https://ovc.ojp.gov/program/vtt"),
        ({**BRIDE, "volume": "", "issue": "", "pages": "", "doi": "", "year": "n.d."},
         "Bride, B. E., Robinson, M. M., Yegidis, B., & Figley, C. R. (n.d.). Development and "
         "validation of the Secondary Traumatic Stress Scale. Research on Social Work Practice."),
    ],
    ids=["article", "book-with-edition", "edited-book", "report-with-number", "webpage",
         "undated-article-without-volume"],
)  # fmt: skip
def test_apa_text(fields, expected):
    assert citations.apa_text(reference(**fields)) == expected


def test_apa_html_italicizes_the_journal_and_volume_and_links_the_doi():
    html = citations.apa_html(reference(**BRIDE))
    assert "<i>Research on Social Work Practice, 14</i>(1), 27–35." in html
    assert html.endswith(
        '<a href="https://doi.org/10.1177/1049731503254106">'
        "https://doi.org/10.1177/1049731503254106</a>"
    )
    assert "&amp; Figley, C. R. (2004)." in html


def test_apa_html_italicizes_a_book_title():
    html = citations.apa_html(reference(**STAMM))
    assert html == "Stamm, B. H. (2010). <i>The Concise ProQOL Manual</i> (2nd ed.). ProQOL.org."


def test_apa_html_shows_markup_in_a_reference_as_text():
    html = citations.apa_html(reference(authors="<b>Evil</b>, A.", title="<script>x</script>"))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        (["Bride, B. E."], "Bride, B. E."),
        (["McCann, I. L.", "Pearlman, L. A."], "McCann, I. L., & Pearlman, L. A."),
        (names(3), "Author1, A., Author2, A., & Author3, A."),
        (names(20), ", ".join(names(19)) + ", & Author20, A."),
        (names(21), ", ".join(names(19)) + ", … Author21, A."),
        (names(25), ", ".join(names(19)) + ", … Author25, A."),
    ],
    ids=["one", "two", "three", "twenty", "twenty-one", "twenty-five"],
)
def test_apa_author_lists(authors, expected):
    assert citations.apa_authors(authors) == expected
    text = citations.apa_text(reference(authors="\n".join(authors)))
    assert text.startswith(expected.rstrip(".") + ". (2020). ")


def test_apa_editors():
    assert citations.apa_authors(["Figley, C. R."], editors=True) == "Figley, C. R. (Ed.)"
    assert citations.apa_authors(names(2), editors=True) == "Author1, A., & Author2, A. (Eds.)"


def test_book_title_ending_in_a_question_mark_takes_no_full_stop():
    text = citations.apa_text(
        reference(kind="book", authors="Stamm, B. H.", title="What is STS?", publisher="X")
    )
    assert text == "Stamm, B. H. (2020). What is STS? X."


def test_article_title_ending_in_a_question_mark_takes_no_full_stop():
    text = citations.apa_text(reference(authors="Stamm, B. H.", title="What is STS?"))
    assert text == "Stamm, B. H. (2020). What is STS? Traumatology."


# --- Citation keys --------------------------------------------------------------------------------


def test_citation_keys_are_unique_with_letter_suffixes():
    taken = set()
    keys = [citations.citation_key(reference(**BRIDE), taken) for _ in range(3)]
    assert keys == ["bride2004", "bride2004a", "bride2004b"]
    assert citations.citation_key(reference(authors="Bride, B.", year="2005"), taken) == "bride2005"
    assert taken == {"bride2004", "bride2004a", "bride2004b", "bride2005"}


def test_citation_keys_are_plain_ascii():
    taken = set()
    assert citations.citation_key(reference(authors="Müller, Ö.", year="n.d."), taken) == "mullernd"
    assert (
        citations.citation_key(reference(authors="Office for Victims of Crime", year="2017"), taken)
        == "officeforvictimsofcr2017"
    )


def test_bibtex_keys_of_same_author_and_year_differ():
    library = bibtexparser.parse_string(
        citations.bibtex([reference(**BRIDE), reference(**{**BRIDE, "title": "Another study"})])
    )
    assert [entry.key for entry in library.entries] == ["bride2004", "bride2004a"]


# --- What an editor may save ----------------------------------------------------------------------


def test_reference_keeps_a_bare_doi():
    ref = reference(**{**BRIDE, "doi": "https://doi.org/10.1177/1049731503254106"})
    ref.full_clean()
    assert ref.doi == "10.1177/1049731503254106"
    assert ref.link == "https://doi.org/10.1177/1049731503254106"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"authors": " \n "}, "authors", "Give at least one author or organization."),
        ({"authors": "Bride, B. E.", "source": ""}, "source", "A journal article needs the "
         "journal's name."),
    ],
)  # fmt: skip
def test_reference_refuses_incomplete_input(fields, field, message):
    with pytest.raises(ValidationError) as error:
        reference(**fields).full_clean()
    assert message in error.value.message_dict[field]


# --- Downloads for reference managers -------------------------------------------------------------


@pytest.fixture
def module(db):
    return ModulePageFactory(
        title="What STS is",
        slug="what-is-sts",
        references=[ReferenceFactory(**{"doi": "", **f}) for f in (BRIDE, STAMM, FIGLEY, SAMHSA)],
    )


def test_ris_download_holds_every_reference(client, module):
    response = client.get(f"{module.url}references/ris/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="what-is-sts-references.ris"'
    entries = rispy.loads(response.content.decode("utf-8"))
    summary = [
        (e["type_of_reference"], e["title"], e["authors"], e["year"], e.get("doi")) for e in entries
    ]
    assert summary == [
        ("JOUR", BRIDE["title"], BRIDE["authors"].splitlines(), "2004", BRIDE["doi"]),
        ("BOOK", STAMM["title"], ["Stamm, B. H."], "2010", None),
        ("EDBOOK", FIGLEY["title"], ["Figley, C. R."], "1995", None),
        ("RPRT", SAMHSA["title"], [SAMHSA["authors"]], "2014", None),
    ]
    bride = entries[0]
    assert (bride["journal_name"], bride["volume"], bride["number"]) == (
        "Research on Social Work Practice",
        "14",
        "1",
    )
    assert (bride["start_page"], bride["end_page"]) == ("27", "35")
    assert entries[1]["edition"] == "2nd"
    assert entries[1]["publisher"] == "ProQOL.org"


def test_bibtex_download_holds_every_reference(client, module):
    response = client.get(f"{module.url}references/bibtex/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="what-is-sts-references.bib"'
    library = bibtexparser.parse_string(response.content.decode("utf-8"))
    assert not library.failed_blocks
    entries = {entry.key: entry for entry in library.entries}
    assert list(entries) == ["bride2004", "stamm2010", "figley1995", "substanceabuseandmen2014"]

    def field(key, name):
        return entries[key][name].strip("{}")

    bride = entries["bride2004"]
    assert bride.entry_type == "article"
    assert bride["author"] == "Bride, B. E. and Robinson, M. M. and Yegidis, B. and Figley, C. R."
    assert field("bride2004", "title") == BRIDE["title"]
    assert (bride["year"], bride["journal"], bride["volume"], bride["number"]) == (
        "2004",
        "Research on Social Work Practice",
        "14",
        "1",
    )
    assert bride["pages"] == "27--35"
    assert bride["doi"] == "10.1177/1049731503254106"
    assert entries["stamm2010"]["edition"] == "2nd"
    assert entries["figley1995"]["editor"] == "Figley, C. R."
    assert "author" not in entries["figley1995"]
    assert entries["substanceabuseandmen2014"].entry_type == "techreport"
    assert field("substanceabuseandmen2014", "author") == SAMHSA["authors"]
    assert entries["substanceabuseandmen2014"]["note"] == SAMHSA["report_number"]


def test_downloads_keep_the_module_page_order(client, module):
    """References are listed in the order the editor put them, on the page and in downloads."""
    entries = rispy.loads(client.get(f"{module.url}references/ris/").content.decode())
    page = client.get(module.url).content.decode()
    titles = [entry["title"] for entry in entries]
    assert titles == [r.title for r in module.references()]
    positions = [page.index(title) for title in titles]
    assert positions == sorted(positions)

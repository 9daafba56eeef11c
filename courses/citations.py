"""Citations in APA 7 style, and as RIS and BibTeX for reference managers."""

import re
import unicodedata

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field
from django.utils.html import format_html, mark_safe

RIS_TYPES = {"article": "JOUR", "book": "BOOK", "report": "RPRT", "webpage": "ELEC"}
BIBTEX_TYPES = {"article": "article", "book": "book", "report": "techreport", "webpage": "misc"}


def bare_doi(doi):
    """The DOI without a resolver prefix ("https://doi.org/10.1/x" becomes "10.1/x")."""
    return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", (doi or "").strip(), flags=re.I)


def apa_authors(names, editors=False):
    """APA 7 author list: "A", "A, & B", "A, B, & C"; 21+ names: 19, an ellipsis, the last."""
    if len(names) > 20:
        names = [*names[:19], "…", names[-1]]
        text = ", ".join(names[:-1]) + " " + names[-1]
    elif len(names) == 1:
        text = names[0]
    else:
        text = ", ".join(names[:-1]) + ", & " + names[-1]
    if editors:
        text += " (Eds.)" if len(names) > 1 else " (Ed.)"
    return text


def _end(text):
    """Finish a citation element with a full stop unless it already ends in punctuation."""
    return text if text[-1:] in ".?!" else text + "."


def _parts(reference):
    """The citation as (text, italic) parts, in order."""
    parts = [(_end(apa_authors(reference.author_list, reference.authors_are_editors)), False)]
    parts.append((f" ({reference.year}). ", False))
    if reference.kind == "article":
        parts.append((_end(reference.title) + " ", False))
        source = reference.source
        if reference.volume:
            parts.append((f"{source}, {reference.volume}", True))
        else:
            parts.append((source, True))
        tail = f"({reference.issue})" if reference.issue else ""
        tail += f", {reference.pages}" if reference.pages else ""
        parts.append((tail + ".", False))
    else:
        parts.append((reference.title, True))
        notes = []
        if reference.edition:
            notes.append(f"{reference.edition} ed.")
        if reference.report_number:
            notes.append(reference.report_number)
        if notes:
            parts.append((f" ({'; '.join(notes)}).", False))
        elif reference.title[-1:] not in ".?!":
            parts.append((".", False))
        if reference.publisher:
            parts.append((f" {_end(reference.publisher)}", False))
    if reference.link:
        parts.append((f" {reference.link}", False))
    return parts


def apa_text(reference):
    return "".join(text for text, _italic in _parts(reference)).strip()


def apa_html(reference):
    html = []
    for text, italic in _parts(reference):
        if italic:
            html.append(format_html("<i>{}</i>", text))
        elif text.strip() == reference.link and reference.link:
            html.append(format_html(' <a href="{0}">{0}</a>', reference.link))
        else:
            html.append(format_html("{}", text))
    return mark_safe("".join(html).strip())


def _page_range(pages):
    """("27", "35") from "27–35"; ("12", "") from "12"."""
    parts = re.split(r"\s*[–—-]+\s*", (pages or "").strip(), maxsplit=1)
    return parts[0], (parts[1] if len(parts) > 1 else "")


class RisWriter(rispy.RisWriter):
    """RIS without rispy's numbered header line, as reference managers export it."""

    def set_header(self, count):
        return ""


def ris(references):
    """RIS text of the references, for EndNote, Zotero, Mendeley."""
    entries = []
    for reference in references:
        entry = {
            "type_of_reference": "EDBOOK" if reference.authors_are_editors
            else RIS_TYPES[reference.kind],
            "authors": reference.author_list,
            "year": reference.year,
            "title": reference.title,
        }  # fmt: skip
        optional = {
            "journal_name": reference.source,
            "volume": reference.volume,
            "number": reference.issue,
            "edition": reference.edition,
            "publisher": reference.publisher,
            "doi": reference.doi,
            "note": reference.report_number,
        }
        entry.update({key: value for key, value in optional.items() if value})
        start, end = _page_range(reference.pages)
        if start:
            entry["start_page"] = start
        if end:
            entry["end_page"] = end
        if reference.link:
            entry["urls"] = [reference.link]
        entries.append(entry)
    return rispy.dumps(entries, implementation=RisWriter)


def citation_key(reference, taken):
    """A BibTeX key like "bride2004", made unique with a letter suffix."""
    first = reference.author_list[0].split(",")[0] if reference.author_list else "anon"
    ascii_name = unicodedata.normalize("NFKD", first).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z]", "", ascii_name.lower())[:20] or "ref"
    base += re.sub(r"\D", "", reference.year) or "nd"
    key, suffix = base, ord("a")
    while key in taken:
        key, suffix = base + chr(suffix), suffix + 1
    taken.add(key)
    return key


def bibtex(references):
    """BibTeX text of the references, for LaTeX and reference managers."""
    library = bibtexparser.Library()
    taken = set()
    for reference in references:
        names = " and ".join(
            f"{{{name}}}" if "," not in name else name for name in reference.author_list
        )
        fields = {
            "editor" if reference.authors_are_editors else "author": names,
            "title": f"{{{reference.title}}}",
            "year": reference.year,
            "journal": reference.source,
            "volume": reference.volume,
            "number": reference.issue.replace("–", "--"),
            "pages": reference.pages.replace("–", "--"),
            "edition": reference.edition,
            "publisher": reference.publisher if reference.kind != "report" else "",
            "institution": reference.publisher if reference.kind == "report" else "",
            "note": reference.report_number,
            "doi": reference.doi,
            "url": reference.link,
        }
        library.add(
            Entry(
                BIBTEX_TYPES[reference.kind],
                citation_key(reference, taken),
                [Field(key, value) for key, value in fields.items() if value],
            )
        )
    return bibtexparser.write_string(library)

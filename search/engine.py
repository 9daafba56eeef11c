"""Site search: what a query matches and in which order, the same on every database.

A query becomes terms (`search.text`); an entry matches when it holds every term the site knows
(a word nothing holds is left out, and the visitor told). Its relevance adds up, for each term,
how rare the term is across the site times how prominently the entry holds it (title, summary,
body), times the entry's priority (a module or handout above a general page). Who may see an entry
is decided for each request by `sts_learn.privacy.visible_search_entries`.
"""

import math
import re
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, FloatField, Sum, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.indexing import current_synonyms
from search.models import SearchEntry, SearchTerm
from search.text import STOPWORDS, term, terms, words
from sts_learn.privacy import visible_search_entries

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
EXCERPT_WORDS = 32


@dataclass
class ParsedQuery:
    text: str
    terms: list = field(default_factory=list)  # what entries must hold (synonyms as their keys)
    highlight: set = field(default_factory=set)  # the terms whose words an excerpt marks
    words: dict = field(default_factory=dict)  # term → the word the visitor typed for it

    def __bool__(self):
        return bool(self.terms)


def parse(text, synonyms=None):
    """The terms of a query (at most MAX_TERMS), synonym phrases read as their group's key."""
    synonyms = synonyms or current_synonyms()
    typed = [word for word, _start, _end in words(text[:MAX_QUERY_LENGTH])]
    sequence = terms(text[:MAX_QUERY_LENGTH])
    replaced = list(dict.fromkeys(synonyms.replace(sequence)))[:MAX_TERMS]
    highlight = set(sequence)
    for phrases in synonyms.phrases.values():
        for phrase, key in phrases:
            if key in replaced:
                highlight.update(phrase)
    typed_words = {}
    for word in typed:
        if word not in STOPWORDS:
            typed_words.setdefault(term(word), word)
    return ParsedQuery(text=text, terms=replaced, highlight=highlight, words=typed_words)


def _rarity(query_terms):
    """{term: inverse document frequency} of the query's terms that occur at all."""
    total = SearchEntry.objects.count() or 1
    counts = dict(
        SearchTerm.objects.filter(term__in=query_terms)
        .values("term")
        .annotate(entries=Count("id"))
        .values_list("term", "entries")
    )
    return {term: math.log(1 + total / count) for term, count in counts.items()}


def ranked_entries(query, entries):
    """(`entries` that hold every known term of the query, best first, each with `relevance`;
    the words of the query that nothing on the site holds, which are left out of the match).

    Leaving out an unknown word ("burnout mindfulness" where nothing mentions mindfulness) shows
    what the other words find, and says so; words the site does know are always all required.
    """
    rarity = _rarity(query.terms)
    unknown = [
        query.words.get(term, term.lstrip("=").replace("_", " "))
        for term in query.terms
        if term not in rarity
    ]
    if not rarity:
        return entries.none(), unknown
    weight = Case(
        *(When(terms__term=term, then=Value(value)) for term, value in rarity.items()),
        default=Value(0.0),
        output_field=FloatField(),
    )
    found = (
        entries.filter(terms__term__in=list(rarity))
        .annotate(
            matched=Count("terms"),
            relevance=Sum(weight * F("terms__weight"), output_field=FloatField()) * F("priority"),
        )
        .filter(matched=len(rarity))
        .order_by("-relevance", "title", "pk")
    )
    return found, unknown


def search_entries(query, request, kinds=(), domain=None, audience=None):
    """(results, unknown words) for a parsed query, filtered and limited to what `request` may
    see. The results are a queryset of `SearchEntry`, best first."""
    entries = visible_search_entries(SearchEntry.objects.all(), request)
    if kinds:
        entries = entries.filter(kind__in=kinds)
    if domain is not None:
        entries = entries.filter(pk__in=SearchEntry.domains.through.objects.filter(
            domainpage=domain).values("searchentry"))  # fmt: skip
    if audience is not None:
        entries = entries.filter(pk__in=SearchEntry.audiences.through.objects.filter(
            audience=audience).values("searchentry"))  # fmt: skip
    return ranked_entries(query, entries)


def search_documents(queryset, query):
    """`queryset` (documents) narrowed to those matching `query`, best first: the handout
    library's text box. Privacy is the caller's: `queryset` holds what the visitor may have."""
    parsed = parse(query)
    if not parsed:
        return queryset.none()
    found, _unknown = ranked_entries(parsed, SearchEntry.objects.filter(document__isnull=False))
    ranked_ids = list(found.values_list("document_id", flat=True)[:1000])
    if not ranked_ids:
        return queryset.none()
    order = Case(*(When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ranked_ids)))
    return queryset.filter(pk__in=ranked_ids).order_by(order)


def excerpt(entry, query):
    """A short passage of the entry's text around the first matched word, matched words marked."""
    text = entry.body or entry.description
    found = [
        (start, end)
        for word, start, end in words(text)
        if word not in STOPWORDS and term(word) in query.highlight
    ]
    if not found:
        return escape(_shorten(entry.description or text))
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    first = next(i for i, (start, end) in enumerate(spans) if end > found[0][0])
    begin = max(0, first - EXCERPT_WORDS // 3)
    finish = min(len(spans), begin + EXCERPT_WORDS)
    low, high = spans[begin][0], spans[finish - 1][1]
    pieces, position = [], low
    for start, end in found:
        if start < low or end > high:
            continue
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:high]))
    before = "… " if begin > 0 else ""
    after = " …" if finish < len(spans) else ""
    # Every piece of the entry's text is escaped above; only the <mark> tags are markup.
    return mark_safe(before + " ".join("".join(pieces).split()) + after)


def _shorten(text, limit=240):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"

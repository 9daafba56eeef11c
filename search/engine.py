"""Site search: what a query matches and in which order, the same on every database.

A query becomes terms (`search.text`); an entry matches when it holds every term the site knows
(a word nothing holds is left out, and the visitor told). Its relevance adds up, for each term,
how rare the term is across the site times how prominently the entry holds it (title, summary,
body), times the entry's priority (a module or handout above a general page). Who may see an entry
is decided for each request by `sts_learn.privacy.visible_search_entries`.
"""

import itertools
import math
import re
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, FloatField, Max, Sum, Value, When
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
    # The highest id stands in for the number of entries (an index lookup, not a count): only
    # the terms' rarity relative to each other matters for the order.
    total = SearchEntry.objects.aggregate(highest=Max("pk"))["highest"] or 1
    counts = dict(
        SearchTerm.objects.filter(term__in=query_terms)
        .values("term")
        .annotate(entries=Count("entry"))  # the term index answers alone
        .values_list("term", "entries")
    )
    return {term: math.log(1 + total / count) for term, count in counts.items()}


def _known_to(request, query_terms):
    """The query's terms some entry `request` may see holds. A word only hidden entries hold is
    as unknown as a word nothing holds: a search never tells whether hidden text has a word."""
    postings = visible_search_entries(
        SearchTerm.objects.filter(term__in=query_terms), request, entry="entry"
    )
    return set(postings.values_list("term", flat=True).distinct())


def ranked_entries(query, entries=None, request=None):
    """(the ids of `entries` that hold every known term of the query with their `relevance`,
    best first, as rows {"entry", "relevance"}; the words of the query nothing on the site holds,
    which are left out of the match).

    Leaving out an unknown word ("burnout mindfulness" where nothing mentions mindfulness) shows
    what the other words find, and says so; words the site does know are always all required.
    The ranking reads the term index alone (each term's weight already holds its entry's
    priority); `entries` (filters) narrows it and `request` leaves out what it may not see.
    """
    rarity = _rarity(query.terms)
    if request is not None and rarity:
        known = _known_to(request, list(rarity))
        rarity = {term: value for term, value in rarity.items() if term in known}
    unknown = [
        query.words.get(term, term.lstrip("=").replace("_", " "))
        for term in query.terms
        if term not in rarity
    ]
    if not rarity:
        return SearchTerm.objects.none().values("entry"), unknown
    rarity_of_term = Case(
        *(When(term=term, then=Value(value)) for term, value in rarity.items()),
        default=Value(0.0),
        output_field=FloatField(),
    )
    postings = SearchTerm.objects.filter(term__in=list(rarity))
    if entries is not None:
        postings = postings.filter(entry__in=entries.values("pk"))
    if request is not None:
        postings = visible_search_entries(postings, request, entry="entry")
    if len(rarity) == 1:
        # One term: an entry holds it at most once, so nothing needs adding up.
        ((_term, value),) = rarity.items()
        ranked = postings.annotate(relevance=F("weight") * Value(value)).values(
            "entry", "relevance"
        )
        # The same order as by relevance (one positive rarity), but the index can give it.
        return ranked.order_by("-weight", "entry"), unknown
    ranked = (
        postings.values("entry")
        # Counting the entry column (not the row id) lets the term index answer alone.
        .annotate(matched=Count("entry"), relevance=Sum(rarity_of_term * F("weight")))
        .filter(matched=len(rarity))
        .values("entry", "relevance")
        .order_by("-relevance", "entry")
    )
    return ranked, unknown


def search_entries(query, request, kinds=(), domain=None, audience=None):
    """(ranked rows, unknown words) for a parsed query, filtered and limited to what `request`
    may see (see `ranked_entries`; `entries_of` turns a page of rows into entries)."""
    entries = None
    if kinds or domain is not None or audience is not None:
        entries = SearchEntry.objects.all()
        if kinds:
            entries = entries.filter(kind__in=kinds)
        if domain is not None:
            entries = entries.filter(pk__in=SearchEntry.domains.through.objects.filter(
                domainpage=domain).values("searchentry"))  # fmt: skip
        if audience is not None:
            entries = entries.filter(pk__in=SearchEntry.audiences.through.objects.filter(
                audience=audience).values("searchentry"))  # fmt: skip
    return ranked_entries(query, entries, request=request)


def entries_of(rows):
    """The entries of ranked rows, in their order, with their pages and documents."""
    ids = [row["entry"] for row in rows]
    found = (
        SearchEntry.objects.select_related("page", "document")
        .defer("document__extracted_text")
        .in_bulk(ids)
    )
    return [found[pk] for pk in ids if pk in found]


def search_documents(queryset, query, request=None):
    """`queryset` (documents) narrowed to those matching `query`, best first: the handout
    library's text box. `queryset` holds what the visitor may have; with `request`, words only
    hidden files hold count as unknown (left out), as on the site search."""
    parsed = parse(query)
    if not parsed:
        return queryset.none()
    documents = SearchEntry.objects.filter(document__in=queryset.values("pk"))
    rows, _unknown = ranked_entries(parsed, documents, request=request)
    entry_ids = [row["entry"] for row in rows[:1000]]
    document_of = dict(
        SearchEntry.objects.filter(pk__in=entry_ids).values_list("pk", "document_id")
    )
    ranked_ids = [document_of[pk] for pk in entry_ids if pk in document_of]
    if not ranked_ids:
        return queryset.none()
    order = Case(*(When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ranked_ids)))
    return queryset.filter(pk__in=ranked_ids).order_by(order)


def _marked(words_with_offsets, query):
    """(start, end) of the words that match the query, as they are read."""
    for word, start, end in words_with_offsets:
        if word not in STOPWORDS and term(word) in query.highlight:
            yield start, end


def excerpt(entry, query):
    """A short passage of the entry's text around the first matched word, matched words marked.

    Only the text up to the end of the passage is read (a long handout costs no more than its
    first match).
    """
    text = entry.body or entry.description
    first = next(iter(_marked(words(text), query)), None)
    if first is None:
        return escape(_shorten(entry.description or text))
    # The passage: a few words before the first match, the rest after it.
    before_words = list(re.finditer(r"\S+", text[: first[0]]))[-(EXCERPT_WORDS // 3) :]
    low = before_words[0].start() if before_words else first[0]
    after_words = list(itertools.islice(re.finditer(r"\S+", text[first[0] :]), EXCERPT_WORDS))
    high = first[0] + after_words[-1].end()
    passage = text[low:high]
    pieces, position = [], 0
    for start, end in _marked(words(passage), query):
        pieces.append(escape(passage[position:start]))
        pieces.append(f"<mark>{escape(passage[start:end])}</mark>")
        position = end
    pieces.append(escape(passage[position:]))
    lead = "… " if low > 0 and text[:low].strip() else ""
    tail = " …" if text[high:].strip() else ""
    # Every piece of the entry's text is escaped above; only the <mark> tags are markup.
    return mark_safe(lead + " ".join("".join(pieces).split()) + tail)


def _shorten(text, limit=240):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"

"""From words as people write them to the terms the search index keeps.

The same steps run on the text being indexed and on the query, so a match never depends on the
database: "Organisational" and "organizational", "supervisors" and "supervision", "self care" and
"self-care" all end as the same terms. Normalising too eagerly can only merge two words, never lose
a match, because both sides go through the same function.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

MAX_TERM_LENGTH = 40

# Words that carry no meaning of their own in a search (kept short on purpose: "self", "care",
# "work" and "stress" are words people search for).
# fmt: off
STOPWORDS = frozenset([
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he",
    "her", "his", "i", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or",
    "our", "she", "so", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "to", "was", "we", "were", "what", "when", "which", "who", "will", "with", "you", "your",
])
# fmt: on

WORD = re.compile(r"[^\W_]+", re.UNICODE)

# One spelling for words written two ways, applied to whole words (order matters). "-ize" reads
# as "-ise" (not the other way round: "supervise" and "advise" have no "-ize" form).
SPELLING_RULES = [
    (re.compile(r"iz(e|es|ed|ing|er|ers|ation|ations|ational)$"), r"is\1"),
    (re.compile(r"yz(e|es|ed|ing)$"), r"ys\1"),
    (re.compile(r"^(\w{3,})our(s|ed|ing|ful|able)?$"), r"\1or\2"),
    (re.compile(r"^(\w{3,})tre(s?)$"), r"\1ter\2"),
    (re.compile(r"ogue(s?)$"), r"og\1"),
    (re.compile(r"^(\w{4,})mme(s?)$"), r"\1m\2"),
    (re.compile(r"^(\w+)ae(\w{3,})$"), r"\1e\2"),
    (re.compile(r"^(\w{4,})ll(ing|ed|or|ors)$"), r"\1l\2"),
]

_stemmer = snowballstemmer.stemmer("english")


def fold(text):
    """Lower case without accents ("Café" → "cafe")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text):
    """The words of `text` with their (start, end) offsets, folded but not stemmed."""
    for match in WORD.finditer(text):
        yield fold(match.group()), match.start(), match.end()


@lru_cache(maxsize=50_000)
def term(word):
    """The index term of one folded word: one spelling, then its stem.

    After Snowball's stem a final "or"/"er" is dropped too ("supervisor" and "supervision" both
    end as "supervis", "counselor" and "counseling" as "counsel").
    """
    for pattern, replacement in SPELLING_RULES:
        word = pattern.sub(replacement, word)
    stem = _stemmer.stemWord(word)
    if len(stem) >= 6 and stem.endswith(("or", "er")):
        stem = stem[:-2]
    return stem[:MAX_TERM_LENGTH]


def terms(text):
    """The index terms of `text`, in order, stopwords left out."""
    return [term(word) for word, _start, _end in words(text) if word not in STOPWORDS]


class Synonyms:
    """Groups of words that mean the same ("STS" and "secondary traumatic stress").

    Every member of a group, one word or several, reads as the group's key term: the text
    "secondary traumatic stress" gains the term of "sts", and a query for "STS" or for the whole
    phrase asks for that term.
    """

    def __init__(self, groups):
        self.phrases = {}  # first term → [(phrase terms, key term)], longest phrases first
        for members in groups:
            members = [member for member in members if terms(member)]
            if len(members) < 2:
                continue
            key = "=" + "_".join(terms(members[0]))[: MAX_TERM_LENGTH - 1]
            for member in members:
                phrase = tuple(terms(member))
                self.phrases.setdefault(phrase[0], []).append((phrase, key))
        for options in self.phrases.values():
            options.sort(key=lambda option: -len(option[0]))

    def matches(self, sequence):
        """(start, length, key) of every synonym phrase found in a sequence of terms."""
        found = []
        for index, first in enumerate(sequence):
            for phrase, key in self.phrases.get(first, ()):
                if tuple(sequence[index : index + len(phrase)]) == phrase:
                    found.append((index, len(phrase), key))
                    break
        return found

    def expand(self, sequence):
        """The key terms of the synonym phrases in a text's terms (added to what it is found by)."""
        return [key for _start, _length, key in self.matches(sequence)]

    def replace(self, sequence):
        """A query's terms with each synonym phrase replaced by its key term."""
        result, position = [], 0
        for start, length, key in self.matches(sequence):
            if start < position:
                continue
            result.extend(sequence[position:start])
            result.append(key)
            position = start + length
        result.extend(sequence[position:])
        return result

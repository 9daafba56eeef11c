"""The public site search: published pages that anyone may see, and nothing else."""

import re

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.shortcuts import render
from wagtail.models import Page

from sts_learn.privacy import visible_pages

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()
    context = {"query": query, "results": None, "error": None}
    status = 200

    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = (
            f"Your search is too long ({len(query)} characters). "
            f"Please use at most {MAX_QUERY_LENGTH} characters."
        )
        context["query"] = query[:MAX_QUERY_LENGTH]
        status = 400
    elif query:
        # Quotes and other operators mean nothing here; some backends would read them as syntax.
        words = " ".join(re.sub(r'["\'()*:^~\\]', " ", query).split())
        pages = visible_pages(Page.objects.all(), request).specific().search(words)
        try:
            results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            list(results)
        except DatabaseError:
            context["error"] = "We could not search for that. Please use plain words."
            status = 400
        else:
            context["results"] = results

    return render(request, "pages/search/search.html", context, status=status)

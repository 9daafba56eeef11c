"""The public site search: published pages that anyone may see, and nothing else."""

from django.core.paginator import Paginator
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
        pages = visible_pages(Page.objects.all(), request).specific().search(query)
        context["results"] = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))

    return render(request, "pages/search/search.html", context, status=status)

"""The public site search: courses, modules, handouts (with the text inside them) and pages that
this visitor may see, labelled by kind, with filters, promoted results and excerpts."""

import re

from django.core.paginator import Paginator
from django.db.models import F
from django.http import QueryDict
from django.shortcuts import render
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from courses.models import Audience
from home.models import DomainPage
from search.engine import MAX_QUERY_LENGTH, entries_of, excerpt, parse, search_entries
from search.models import EntryKind, UnansweredQuery
from sts_learn.privacy import public_pages, visible_pages

RESULTS_PER_PAGE = 10
MAX_RECORDED_QUERY = 100
MAX_UNANSWERED = 5000
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def _filters(request):
    """(chosen kind, domain, audience, error): unknown values are an error, never ignored."""
    kind = request.GET.get("kind", "")
    if kind and kind not in EntryKind.values:
        return None, None, None, "There is no such kind of result."
    domain = audience = None
    if slug := request.GET.get("domain", ""):
        domain = public_pages(DomainPage.objects.filter(slug=slug), request).first()
        if domain is None:
            return None, None, None, "There is no such domain."
    if slug := request.GET.get("audience", ""):
        audience = Audience.objects.filter(slug=slug).first()
        if audience is None:
            return None, None, None, "There is no such audience."
    return kind, domain, audience, None


def _link(params, **changes):
    query = QueryDict(mutable=True)
    for key, value in {**params, **changes}.items():
        if value:
            query[key] = value
    return f"?{query.urlencode()}"


def _promotions(query_text, request):
    """Editors' promoted results for this query, pages only when this visitor may see them."""
    query = Query.objects.filter(query_string=normalise_query_string(query_text)).first()
    if query is None:
        return []
    picks = list(query.editors_picks.select_related("page").order_by("sort_order"))
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    pages = visible_pages(Page.objects.filter(pk__in=page_ids), request)
    visible = set(pages.values_list("pk", flat=True))
    return [pick for pick in picks if not pick.page_id or pick.page_id in visible]


def record_unanswered(query_text):
    """Count a search that found nothing (its words only), for the editors' report. The list
    is bounded: past MAX_UNANSWERED different searches only those already listed are counted."""
    words = " ".join(query_text.lower().split())[:MAX_RECORDED_QUERY]
    counted = UnansweredQuery.objects.filter(query=words).update(
        hits=F("hits") + 1, last_seen=timezone.localdate()
    )
    if not counted and UnansweredQuery.objects.count() < MAX_UNANSWERED:
        UnansweredQuery.objects.get_or_create(query=words, defaults={"hits": 1})


def search(request):
    # Control characters mean nothing in a search (and PostgreSQL refuses NUL in text).
    query_text = CONTROL_CHARACTERS.sub(" ", request.GET.get("q", "")).strip()
    kind, domain, audience, filter_error = _filters(request)
    params = {
        "q": query_text[:MAX_QUERY_LENGTH],
        "kind": kind or "",
        "domain": domain.slug if domain else "",
        "audience": audience.slug if audience else "",
    }
    context = {
        "query": params["q"],
        "results": None,
        "error": None,
        "kinds": [
            (label, _link(params, kind=value, page=""), value == (kind or ""))
            for value, label in [("", "All kinds"), *EntryKind.choices]
        ],
        "domains": [
            ("All domains", _link(params, domain="", page=""), domain is None),
            *(
                (choice.title, _link(params, domain=choice.slug, page=""), choice == domain)
                for choice in public_pages(DomainPage.objects.all(), request).order_by("path")
            ),
        ],
        "audiences": [
            ("Everyone", _link(params, audience="", page=""), audience is None),
            *(
                (choice.name, _link(params, audience=choice.slug, page=""), choice == audience)
                for choice in Audience.objects.all()
            ),
        ],
        "chosen_domain": domain,
        "chosen_audience": audience,
        "chosen_kind": kind,
        "promotions": [],
        "unknown_words": [],
    }
    status = 200
    if filter_error:
        context["error"] = filter_error + " Please choose from the list."
        status = 404
    elif len(query_text) > MAX_QUERY_LENGTH:
        context["error"] = (
            f"Your search is too long ({len(query_text)} characters). "
            f"Please use at most {MAX_QUERY_LENGTH} characters."
        )
        status = 400
    elif query_text:
        parsed = parse(query_text)
        if not parsed:
            context["error"] = "Please search with words, for example “burnout”."
        else:
            results, unknown = search_entries(
                parsed, request, kinds=[kind] if kind else (), domain=domain, audience=audience
            )
            page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            page.object_list = entries_of(page.object_list)
            for entry in page.object_list:
                entry.excerpt = excerpt(entry, parsed)
            context["results"] = page
            context["unknown_words"] = unknown if len(unknown) < len(parsed.terms) else []
            context["promotions"] = _promotions(query_text, request)
            if (unknown or page.paginator.count == 0) and not (kind or domain or audience):
                record_unanswered(query_text)
    context["previous_link"] = context["next_link"] = None
    if context["results"] is not None:
        results = context["results"]
        if results.has_previous():
            context["previous_link"] = _link(params, page=results.previous_page_number())
        if results.has_next():
            context["next_link"] = _link(params, page=results.next_page_number())
    context["clear_link"] = _link({"q": params["q"]})
    context["params"] = params
    return render(request, "pages/search/search.html", context, status=status)

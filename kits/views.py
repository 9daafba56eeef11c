"""The kit builder at /kits/: every action is a plain link or GET form; the URL is the kit."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header
from wagtail.models import Site

from courses.models import CoursePage, ModulePage
from home.models import SiteSettings
from kits import archive, printouts
from kits.resolve import resolve
from kits.state import ITEM_CHOICES, KitState, parse, parse_minutes
from reports.counting import count_kit_download
from sts_learn import caching, downloads
from sts_learn.privacy import visible_pages
from sts_learn.public_urls import public_url

COOKIE = "sts_kit"
COOKIE_PATH = "/kits/"
COOKIE_AGE = 30 * 24 * 60 * 60
STATE_KEYS = ("items", "title", "date", "start", "audience", "group", "paper")
# "edit": the builder's own Session details form (a change, never someone else's kit link).
ACTIONS = ("add", "add_course", "up", "down", "remove", "break_minutes", "item_kind", "edit")
# Opening someone's kit link while holding a kit of your own: what to do with the two.
CHOICES = ("replace", "merge", "keep")


MAX_ID = 2**31 - 1


def _index(raw):
    """A non-negative whole number from the query, or -1 (never a number a database rejects)."""
    try:
        number = int(str(raw)[:12])
    except (TypeError, ValueError):
        return -1
    return number if 0 <= number <= MAX_ID else -1


def _current_state(request):
    """The kit in the URL; else the one the /kits/ cookie carries; else an empty kit."""
    if any(key in request.GET for key in STATE_KEYS):
        return parse(request.GET)
    if saved := request.COOKIES.get(COOKIE):
        return parse(QueryDict(saved))
    return KitState()


def _saved_state(request):
    saved = request.COOKIES.get(COOKIE)
    return parse(QueryDict(saved)) if saved else KitState()


def _apply_action(state, request):
    """(new state, problems, notices) for the action in the query, if any."""
    params, problems, notices = request.GET, [], []
    if "add" in params:
        page_id = _index(params["add"])
        if page_id < 0:
            return state, ["That module link is broken: nothing was added."], []
        state, already = state.add_modules([page_id])
        if already:
            notices.append("That module is already in your kit: it is kept once.")
    elif "add_course" in params:
        course = visible_pages(CoursePage.objects.filter(pk=_index(params["add_course"])), request)
        course = course.first()
        if course is None:
            return state, ["That course cannot be found, so no module was added."], []
        modules = visible_pages(ModulePage.objects.child_of(course), request).order_by("path")
        state, already = state.add_modules(list(modules.values_list("pk", flat=True)))
        if already:
            notices.append(
                f"{already} of the course’s modules {'were' if already > 1 else 'was'} already "
                "in your kit: each is kept once."
            )
    elif "up" in params:
        state = state.move(_index(params["up"]), -1)
    elif "down" in params:
        state = state.move(_index(params["down"]), 1)
    elif "remove" in params:
        state = state.remove(_index(params["remove"]))
    elif "item_kind" in params or "break_minutes" in params:
        kind, _default = ITEM_CHOICES.get(params.get("item_kind", "break"), (None, 0))
        minutes = parse_minutes(params.get("item_minutes", params.get("break_minutes")))
        label = params.get("item_label", "")
        if kind is None:
            return state, ["That kind of agenda item is not one the kit offers."], []
        if minutes is None:
            return state, ["An agenda item lasts 1 to 240 minutes: please give a whole number "
                           "of minutes."], []  # fmt: skip
        if kind == "x" and not " ".join(label.split()):
            return state, ["Give the agenda item a name, such as “Team photo”."], []
        raw_after = params.get("item_after", params.get("break_after", len(state.items)))
        after = _index(raw_after)
        state = state.insert_break(
            after if after >= 0 else len(state.items), minutes, kind, label
        )
    return state, [*state.problems, *problems], notices


def _remember(response, state):
    """Keep the kit in a cookie that only /kits/ pages receive (public pages stay cookie-free)."""
    if state.items or state.title:
        response.set_cookie(
            COOKIE, state.query(), max_age=COOKIE_AGE, path=COOKIE_PATH, httponly=True,
            samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
        )  # fmt: skip
    else:
        response.delete_cookie(COOKIE, path=COOKIE_PATH)
    patch_vary_headers(response, ["Cookie"])
    return caching.restricted(response)


def _add_links(kit):
    """Give each agenda item the links that move it up or down or remove it."""
    base = f"{reverse('kits:kit')}?{kit.state.query()}"
    last = len(kit.state.items) - 1
    for item in kit.items:
        item.up_url = f"{base}&up={item.index}" if item.index > 0 else ""
        item.down_url = f"{base}&down={item.index}" if item.index < last else ""
        item.remove_url = f"{base}&remove={item.index}"


def kit_page(request):
    if "clear" in request.GET:
        response = redirect("kits:kit")
        response.delete_cookie(COOKIE, path=COOKIE_PATH)
        return response

    state = _current_state(request)
    problems, notices = list(state.problems), []
    acted = any(key in request.GET for key in ACTIONS)
    if acted:
        state, problems, notices = _apply_action(state, request)
    choice = request.GET.get("choice", "")
    if choice in CHOICES and not acted:
        state = _chosen(state, _saved_state(request), choice)
        return _remember(redirect(f"{request.path}?{state.query()}"), state)
    saved = _saved_state(request)
    if _is_someone_elses(request, state, saved, acted):
        return _remember(_render_choice(request, state, saved), saved)
    settle = acted or not any(key in request.GET for key in STATE_KEYS)
    if settle and not problems and not notices and state.query():
        # Settle on the kit's own link, so that the address bar always is the kit.
        return _remember(redirect(f"{request.path}?{state.query()}"), state)

    kit = resolve(state, request)
    response = _render_kit(request, kit, problems, 400 if problems else 200, notices)
    return _remember(response, state)


def _is_someone_elses(request, state, saved, acted):
    """A kit link that differs from the kit this browser is building (nothing lost silently)."""
    opened_link = any(key in request.GET for key in STATE_KEYS) and not acted
    return opened_link and saved.items and state.items and saved.query() != state.query()


def _chosen(linked, saved, choice):
    if choice == "merge":
        return saved.merged_with(linked)
    return saved if choice == "keep" else linked


def _render_choice(request, linked, saved):
    """Ask what to do: open the linked kit instead of yours, add it to yours, or keep yours."""
    context = {
        "linked": resolve(linked, request),
        "saved": resolve(saved, request),
        "linked_query": linked.query(),
    }
    return render(request, "pages/kits/kit_choice.html", context)


def count(request):
    """How many items the kit in progress holds, for the "Kit (n)" link in every page's header.

    Public pages are cached for everyone, so they ask here (under /kits/, where the kit's cookie
    goes) instead of carrying the count themselves.
    """
    state = _saved_state(request)
    response = JsonResponse(
        {"items": len(state.items), "url": f"/kits/?{state.query()}" if state.items else "/kits/"}
    )
    patch_vary_headers(response, ["Cookie"])
    return caching.restricted(response)


def _render_kit(request, kit, problems, status, notices=()):
    _add_links(kit)
    context = {
        "kit": kit,
        "problems": problems,
        "notices": notices,
        "session": printouts.session_line(kit),
        "share_url": public_url(f"/kits/?{kit.state.query()}"),
        "kit_query": kit.state.query(),
        "query_items": ",".join(item.token for item in kit.state.items),
        "item_choices": [
            ("break", "Break"), ("welcome", "Welcome"), ("lunch", "Lunch"),
            ("qa", "Questions and answers"), ("evaluation", "Evaluation"),
            ("other", "Another item (name it below)"),
        ],
        "paper_sizes": [("letter", "US Letter"), ("a4", "A4")],
        "suggest_welcome": kit.modules and not any(item.kind == "w" for item in kit.items),
        "suggest_evaluation": kit.modules and not any(item.kind == "e" for item in kit.items),
    }  # fmt: skip
    return render(request, "pages/kits/kit_page.html", context, status=status)


def _kit_or_problem_page(request):
    """(kit, None) for a valid kit link, else (None, the kit page answering 400)."""
    state = parse(request.GET)
    if state.problems:
        return None, kit_page(request)
    return resolve(state, request), None


@downloads.limited
def download(request):
    kit, refusal = _kit_or_problem_page(request)
    if refusal:
        return refusal
    try:
        archive.check(kit)
    except archive.KitRefused as reason:
        return _render_kit(request, kit, [str(reason)], status=409)
    terms = SiteSettings.for_request(request).terms_page
    site = Site.find_for_request(request)
    terms_url = request.build_absolute_uri(terms.get_url(request)) if terms and site else ""
    kit_url = request.build_absolute_uri(f"/kits/?{kit.state.query()}")
    stream, filename, etag = archive.build(kit, terms_url, kit_url)
    total = len(stream)
    try:
        wanted = downloads.requested_range(request, total, etag)
    except downloads.RangeNotSatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{total}"
        return caching.restricted(response)
    count_kit_download(request, [item.module for item in kit.modules], wanted)
    if wanted is None:
        response = StreamingHttpResponse(stream, content_type="application/zip")
        response["Content-Length"] = str(total)
    else:
        start, end = wanted
        response = StreamingHttpResponse(
            stream.byte_range(start, end), content_type="application/zip", status=206
        )
        response["Content-Length"] = str(end - start + 1)
        response["Content-Range"] = f"bytes {start}-{end}/{total}"
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return caching.restricted(response)


def _print_view(request, template, build_context=printouts.context):
    kit, refusal = _kit_or_problem_page(request)
    if refusal:
        return refusal
    return caching.restricted(render(request, template, build_context(kit)))


def agenda(request):
    return _print_view(request, "print/kit_agenda.html")


def guide(request):
    return _print_view(request, "print/kit_guide.html", printouts.guide_context)


def evaluation(request):
    return _print_view(request, "print/kit_evaluation.html")


def _pdf(request, build, name):
    kit, refusal = _kit_or_problem_page(request)
    if refusal:
        return refusal
    response = HttpResponse(build(kit), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.pdf")
    return caching.restricted(response)


def agenda_pdf(request):
    return _pdf(request, printouts.agenda_pdf, "Agenda")


def guide_pdf(request):
    return _pdf(request, printouts.guide_pdf, "Facilitator guide")


def evaluation_pdf(request):
    return _pdf(request, printouts.evaluation_pdf, "Evaluation form")

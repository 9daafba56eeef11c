"""What each content report lists, as querysets the database filters and counts."""

import datetime

from dateutil.relativedelta import relativedelta
from django.db.models import Exists, Max, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page

from courses.choosers import HANDOUT_KINDS
from courses.models import CourseDocument, ModuleHandout, ModulePage, ModuleReference, ModuleSlides
from reports.models import DownloadCount
from sts_learn.privacy import visible_documents

REVIEW_WINDOW_DAYS = 30
DOWNLOAD_PERIODS = (30, 90)


def review_cutoff(today, interval_months, window_days=REVIEW_WINDOW_DAYS):
    """The latest last-reviewed date whose review falls due within `window_days` of `today`.

    A review falls due `interval_months` after the last one (`ModulePage.next_review_date`, which
    moves the 29th to 31st of a month onto the last day of a shorter one): every date up to the
    one returned falls due by the limit, every later date after it.
    """
    limit = today + datetime.timedelta(days=window_days)
    cutoff = limit - relativedelta(months=interval_months)
    if (limit + datetime.timedelta(days=1)).day == 1:
        # The limit ends its month: every day of the cut-off's month reaches it (31 January plus
        # one month is 28 February).
        cutoff += relativedelta(day=31)
    return cutoff


def modules_due_for_review(today, interval_months):
    """Modules, live or draft, never reviewed or due for review within the window."""
    cutoff = review_cutoff(today, interval_months)
    return ModulePage.objects.filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lte=cutoff))


def modules_missing_evidence():
    """Modules, live or draft, without a reference or without an evidence level; each carries
    `has_references`."""
    has_references = Exists(ModuleReference.objects.filter(page=OuterRef("pk")))
    no_level = Q(evidence_level="") | Q(evidence_level__isnull=True)
    return ModulePage.objects.annotate(has_references=has_references).filter(
        Q(has_references=False) | no_level
    )


def with_course_titles(modules):
    """Give each module (a list) `course_title`, its parent's title, in one query."""
    parents = {module.path[: -Page.steplen] for module in modules}
    titles = dict(Page.objects.filter(path__in=parents).values_list("path", "title"))
    for module in modules:
        module.course_title = titles.get(module.path[: -Page.steplen], "")
    return modules


def _stream_replacement_ids():
    """Ids of the hand-made files that modules' written handouts name instead of the printed
    ones (kept inside the modules' handout blocks)."""
    ids = set()
    rows = ModulePage.objects.values_list("handout_texts", flat=True)
    for stream in rows.iterator():
        for block in stream.raw_data:
            replacement = block.get("type") == "handout" and block["value"].get("replacement")
            if replacement:
                ids.add(replacement)
    return ids


def unused_handouts(request):
    """Handouts (of the kinds a module may offer as handouts) this request may have that no
    module uses: linked as a handout or as slides, chosen as hand-made slides or as the
    replacement of a written handout. Files printed from a module are left out."""
    documents = CourseDocument.objects.filter(kind__in=HANDOUT_KINDS, generated_for__isnull=True)
    documents = documents.exclude(
        Exists(ModuleHandout.objects.filter(document=OuterRef("pk")))
        | Exists(ModuleSlides.objects.filter(document=OuterRef("pk")))
        | Exists(ModulePage.objects.filter(slides_replacement=OuterRef("pk")))
    )
    replacements = _stream_replacement_ids()
    if replacements:
        documents = documents.exclude(pk__in=replacements)
    return visible_documents(documents, request)


def download_totals(request, today):
    """One row per file or kit downloaded in the last 90 days: `document`, `kit`, `title`,
    `kind`, `last_30` and `last_90` (today and the days before it). Files this request may not
    have are left out."""
    since = {days: today - datetime.timedelta(days=days - 1) for days in DOWNLOAD_PERIODS}
    visible = visible_documents(CourseDocument.objects.all(), request).values("pk")
    rows = DownloadCount.objects.filter(day__gte=since[90], day__lte=today).filter(
        Q(document__isnull=True) | Q(document__in=visible)
    )
    return (
        rows.values("document", "document__title", "document__kind", "kit")
        .annotate(
            last_30=Coalesce(Sum("count", filter=Q(day__gte=since[30])), Value(0)),
            last_90=Sum("count"),
            label=Max("kit_label"),
        )
        .annotate(title=Coalesce("document__title", "label"))
    )


def filter_downloads(rows, what):
    """Rows of `download_totals` for handouts, any file, or kits."""
    if what == "handouts":
        return rows.filter(document__kind__in=HANDOUT_KINDS)
    if what == "files":
        return rows.filter(document__isnull=False)
    if what == "kits":
        return rows.filter(kit__isnull=False)
    return rows

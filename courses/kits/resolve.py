"""A kit's state checked against the database for one visitor, and timed into an agenda.

Everything is re-checked on every request: a module that was unpublished, deleted or restricted
since the link was made, or a document in a private collection, is left out and listed. A module
is listed by number only, with the same words whichever of these it is: nothing tells a visitor
whether a module they may not see exists, let alone its title.
"""

import datetime
from dataclasses import dataclass, field

from courses.kits.state import Break
from courses.models import CourseDocument, ModuleHandout, ModulePage, ModuleReference, ModuleSlides
from sts_learn.privacy import visible_documents, visible_pages

EARLIEST_DATE = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


@dataclass
class AgendaItem:
    index: int  # position in the kit's state (for move/remove links)
    title: str
    minutes: int
    starts: int  # minutes from the session's start
    module: ModulePage | None = None
    documents: list = field(default_factory=list)
    references: list = field(default_factory=list)

    @property
    def is_break(self):
        return self.module is None

    @property
    def ends(self):
        return self.starts + self.minutes


@dataclass
class LeftOut:
    what: str
    reason: str

    def __str__(self):
        return f"{self.what} is not available: {self.reason}."


MODULE_NOT_AVAILABLE = "it may have been unpublished or be open only to signed-in trainers"


@dataclass
class Kit:
    state: object
    items: list
    left_out: list
    total_minutes: int

    @property
    def modules(self):
        return [item for item in self.items if not item.is_break]

    @property
    def documents(self):
        """Every file of the kit once, in agenda order (a shared handout is not repeated)."""
        unique = {}
        for item in self.modules:
            for document in item.documents:
                unique.setdefault(document.pk, document)
        return list(unique.values())

    def clock(self, minutes):
        """A time on the agenda: the clock time when a start is set, else hours:minutes in."""
        if self.state.start:
            moment = datetime.datetime.combine(datetime.date(2000, 1, 1), self.state.start)
            return (moment + datetime.timedelta(minutes=minutes)).strftime("%H:%M")
        return f"{minutes // 60}:{minutes % 60:02d}"

    @property
    def version_date(self):
        """When the newest of its modules was published: the date its generated files carry."""
        dates = [item.module.last_published_at for item in self.modules]
        return max((date for date in dates if date), default=EARLIEST_DATE)

    @property
    def ends_next_day(self):
        if not self.state.start:
            return False
        return self.state.start.hour * 60 + self.state.start.minute + self.total_minutes >= 24 * 60


def resolve(state, request):
    """The Kit this request may have: visible modules and documents, in agenda order."""
    ids = state.module_ids
    visible = {
        page.pk: page
        for page in visible_pages(ModulePage.objects.filter(pk__in=ids), request).select_related(
            "locale"
        )
    }
    documents = _documents_by_module(list(visible), request)
    references = _references_by_module(list(visible))

    items, left_out, clock = [], [], 0
    for index, entry in enumerate(state.items):
        if isinstance(entry, Break):
            items.append(AgendaItem(index, "Break", entry.minutes, clock))
            clock += entry.minutes
            continue
        module = visible.get(entry.page_id)
        if module is None:
            left_out.append(LeftOut(f"Module {entry.page_id}", MODULE_NOT_AVAILABLE))
            continue
        module_documents, hidden = documents.get(module.pk, ([], []))
        if hidden:
            count = len(hidden)
            left_out.append(
                LeftOut(
                    f"{count} file{'s' if count > 1 else ''} of “{module.title}”",
                    "it is in a private collection (sign in if you may see it)",
                )
            )
        minutes = module.duration_minutes or 0
        items.append(
            AgendaItem(
                index, module.title, minutes, clock, module,
                module_documents, references.get(module.pk, []),
            )
        )  # fmt: skip
        clock += minutes
    kit = Kit(state, items, left_out, clock)
    for item in items:
        item.time_range = f"{kit.clock(item.starts)}–{kit.clock(item.ends)}"
    return kit


def _documents_by_module(module_ids, request):
    """{module id: (documents this request may have, documents it may not)}, slides first."""
    links = [
        *ModuleSlides.objects.filter(page_id__in=module_ids).select_related("document"),
        *ModuleHandout.objects.filter(page_id__in=module_ids).select_related("document"),
    ]
    allowed = set(
        visible_documents(
            CourseDocument.objects.filter(pk__in={link.document_id for link in links}), request
        ).values_list("pk", flat=True)
    )
    result = {}
    for link in sorted(
        links, key=lambda link: (isinstance(link, ModuleHandout), link.sort_order or 0)
    ):
        shown, hidden = result.setdefault(link.page_id, ([], []))
        (shown if link.document_id in allowed else hidden).append(link.document)
    return result


def _references_by_module(module_ids):
    result = {}
    for link in ModuleReference.objects.filter(page_id__in=module_ids).select_related("reference"):
        result.setdefault(link.page_id, []).append(link.reference)
    return result

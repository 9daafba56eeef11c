"""A kit's state checked against the database for one visitor, and timed into an agenda.

Everything is re-checked on every request: a module that was unpublished, deleted or restricted
since the link was made, or a document in a private collection, is left out and listed. A module
is listed by number only, with the same words whichever of these it is: nothing tells a visitor
whether a module they may not see exists, let alone its title.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch

from courses.models import ModuleHandout, ModulePage, ModuleReference, ModuleSlides
from courses.models.modules import module_materials
from kits.state import Break
from sts_learn.privacy import refused_collection_paths, visible_pages

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
    kind: str = "module"  # or the kind of an agenda item of its own: b, w, l, q, e, x

    @property
    def is_break(self):
        """Not a module: a break, the welcome, lunch, Q&A, the evaluation or a named item."""
        return self.module is None

    @property
    def slides(self):
        return [document for document in self.documents if document.kind == "slides"]

    @property
    def handouts(self):
        return [document for document in self.documents if document.kind != "slides"]

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
        for page in visible_pages(ModulePage.objects.filter(pk__in=ids), request)
        .select_related("locale")
        .prefetch_related(
            Prefetch(
                "slide_links",
                ModuleSlides.objects.select_related("document__collection").order_by("sort_order"),
            ),
            Prefetch(
                "handout_links",
                ModuleHandout.objects.select_related("document__collection").order_by(
                    "sort_order"
                ),
            ),
        )
    }
    documents = _documents_by_module(list(visible.values()), request)
    references = _references_by_module(list(visible))

    items, left_out, clock = [], [], 0
    for index, entry in enumerate(state.items):
        if isinstance(entry, Break):
            items.append(AgendaItem(index, entry.title, entry.minutes, clock, kind=entry.kind))
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


def _documents_by_module(modules, request):
    """{module id: (documents this request may have, documents it may not)}, slides first."""
    refused = refused_collection_paths(request)
    result = {}
    for module_id, (slides, handouts) in module_materials(modules).items():
        shown, hidden = result.setdefault(module_id, ([], []))
        for document in [*slides, *handouts]:
            private = any(document.collection.path.startswith(path) for path in refused)
            (hidden if private else shown).append(document)
    return result


def _references_by_module(module_ids):
    result = {}
    for link in ModuleReference.objects.filter(page_id__in=module_ids).select_related("reference"):
        result.setdefault(link.page_id, []).append(link.reference)
    return result

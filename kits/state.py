"""A kit's whole state lives in its URL: items, title, date, start time, audience, group size
and paper size.

    /kits/?items=w10,12,b15,13,x20.Team%20photo,e10&title=Team+session&start=09:30&group=18

Items are modules (by page id) and agenda items of their own: a break (b), welcome (w), lunch
(l), questions and answers (q), evaluation (e), or one the trainer names (x, with its label).
Parsing never fails: what is wrong is dropped, and a message says so in plain words.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field, replace
from urllib.parse import quote, unquote, urlencode

MAX_ITEMS = 40
MAX_TITLE = 200
MAX_AUDIENCE = 120
MAX_LABEL = 80
MIN_BREAK, MAX_BREAK = 1, 240
MIN_GROUP, MAX_GROUP, DEFAULT_GROUP = 1, 500, 20
PAPER_SIZES = {"letter": "US Letter", "a4": "A4"}
DEFAULT_PAPER = "letter"
MAX_RAW_ITEMS = 2000  # beyond this the list is not even read item by item
PAUSE_TOKEN = re.compile(r"^([bwlqe])(\d{1,4})$")
NAMED_TOKEN = re.compile(r"^x(\d{1,4})\.(.+)$", re.DOTALL)
MODULE_TOKEN = re.compile(r"^\d{1,10}$")
PAUSE_TITLES = {
    "b": "Break",
    "w": "Welcome",
    "l": "Lunch",
    "q": "Questions and answers",
    "e": "Evaluation",
}
# What the kit page offers to add, with a sensible length for each.
ITEM_CHOICES = {
    "break": ("b", 15),
    "welcome": ("w", 10),
    "lunch": ("l", 45),
    "qa": ("q", 15),
    "evaluation": ("e", 10),
    "other": ("x", 15),
}


def clean_label(text):
    """A trainer's label for an agenda item: one line, printable, not too long."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(" " if unicodedata.category(char).startswith("C") else char for char in text)
    return " ".join(text.split())[:MAX_LABEL]


@dataclass(frozen=True)
class Break:
    """An agenda item that is not a module: a break, the welcome, lunch, Q&A, the evaluation,
    or one the trainer names."""

    minutes: int
    kind: str = "b"
    label: str = ""

    @property
    def title(self):
        return self.label if self.kind == "x" else PAUSE_TITLES[self.kind]

    @property
    def token(self):
        if self.kind == "x":
            return f"x{self.minutes}.{quote(self.label, safe='')}"
        return f"{self.kind}{self.minutes}"


@dataclass(frozen=True)
class ModuleRef:
    page_id: int

    @property
    def token(self):
        return str(self.page_id)


@dataclass(frozen=True)
class KitState:
    items: tuple = ()
    title: str = ""
    date: datetime.date | None = None
    start: datetime.time | None = None
    audience: str = ""
    group: int | None = None  # expected participants; the guide counts materials for them
    paper: str = DEFAULT_PAPER
    problems: tuple = field(default=(), compare=False)

    def query(self, **changes):
        """The URL query string of this state (with `changes` applied)."""
        state = replace(self, **changes) if changes else self
        params = {
            "items": ",".join(item.token for item in state.items),
            "title": state.title,
            "date": state.date.isoformat() if state.date else "",
            "start": state.start.strftime("%H:%M") if state.start else "",
            "audience": state.audience,
            "group": str(state.group) if state.group else "",
            "paper": state.paper if state.paper != DEFAULT_PAPER else "",
        }
        return urlencode({key: value for key, value in params.items() if value})

    @property
    def group_size(self):
        return self.group or DEFAULT_GROUP

    @property
    def paper_label(self):
        return PAPER_SIZES.get(self.paper, PAPER_SIZES[DEFAULT_PAPER])

    @property
    def module_ids(self):
        return [item.page_id for item in self.items if isinstance(item, ModuleRef)]

    def with_items(self, items):
        return replace(self, items=tuple(items), problems=())

    def add_modules(self, page_ids):
        """Append the modules not already in the kit, as far as the kit has room.

        (state, how many were already in it): being there already is no error.
        """
        present, new, already = set(self.module_ids), [], 0
        for page_id in page_ids:
            if page_id in present:
                already += 1
                continue
            present.add(page_id)
            new.append(ModuleRef(page_id))
        problems = []
        room = max(MAX_ITEMS - len(self.items), 0)
        if len(new) > room:
            problems.append(
                f"A kit holds at most {MAX_ITEMS} items; {len(new) - room} could not be added."
            )
            new = new[:room]
        return replace(self.with_items([*self.items, *new]), problems=tuple(problems)), already

    def merged_with(self, other):
        """This kit with the items of `other` it does not hold yet added at the end."""
        present = set(self.module_ids)
        extra = [
            item
            for item in other.items
            if not (isinstance(item, ModuleRef) and item.page_id in present)
        ]
        return self.with_items([*self.items, *extra][:MAX_ITEMS])

    def move(self, index, offset):
        items = list(self.items)
        target = index + offset
        if 0 <= index < len(items) and 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
        return self.with_items(items)

    def remove(self, index):
        return self.with_items([item for i, item in enumerate(self.items) if i != index])

    def insert_break(self, after, minutes, kind="b", label=""):
        """The kit with an agenda item of its own inserted after item `after` (0: first)."""
        items = list(self.items)
        position = min(max(after, 0), len(items))
        items.insert(position, Break(minutes, kind, clean_label(label) if kind == "x" else ""))
        return self.with_items(items)


def parse_items(raw, problems):
    tokens = [token.strip() for token in raw.split(",") if token.strip()] if raw else []
    if len(tokens) > MAX_RAW_ITEMS:
        problems.append(
            f"That kit link lists {len(tokens)} items; a kit holds at most {MAX_ITEMS}. "
            "Nothing from it was kept."
        )
        return ()
    items, seen, bad, repeated = [], set(), [], 0
    for token in tokens:
        if MODULE_TOKEN.match(token):
            page_id = int(token)
            if page_id in seen:
                repeated += 1
                continue
            seen.add(page_id)
            items.append(ModuleRef(page_id))
        elif (match := PAUSE_TOKEN.match(token)) or (named := NAMED_TOKEN.match(token)):
            if match:
                kind, minutes, label = match.group(1), int(match.group(2)), ""
            else:
                label = clean_label(unquote(named.group(2)))
                kind, minutes = "x", int(named.group(1))
            item = Break(minutes, kind, label)
            if kind == "x" and not label:
                bad.append(token[:20])
            elif MIN_BREAK <= minutes <= MAX_BREAK:
                items.append(item)
            else:
                problems.append(
                    f"“{item.title}” of {minutes} minutes was left out: agenda items last "
                    f"{MIN_BREAK} to {MAX_BREAK} minutes."
                )
        else:
            bad.append(token[:20])
    if repeated:
        problems.append(f"{repeated} repeated module{'s' if repeated > 1 else ''} kept once.")
    if bad:
        shown = ", ".join(f"“{token}”" for token in bad[:5])
        problems.append(f"Some items were not understood and were left out: {shown}.")
    if len(items) > MAX_ITEMS:
        problems.append(
            f"A kit holds at most {MAX_ITEMS} items; the last {len(items) - MAX_ITEMS} were "
            "left out."
        )
        items = items[:MAX_ITEMS]
    return tuple(items)


def parse_minutes(raw):
    """Break minutes typed by a trainer, or None when they are not a sensible length."""
    try:
        minutes = int(str(raw).strip())
    except (TypeError, ValueError):
        return None
    return minutes if MIN_BREAK <= minutes <= MAX_BREAK else None


def parse(params):
    """A KitState from query parameters; `problems` lists what had to be dropped."""
    problems = []
    items = parse_items(params.get("items", ""), problems)

    title = " ".join(params.get("title", "").split())
    if len(title) > MAX_TITLE:
        problems.append(
            f"The title is too long ({len(title)} characters); it is cut to {MAX_TITLE}."
        )
        title = title[:MAX_TITLE]
    audience = " ".join(params.get("audience", "").split())
    if len(audience) > MAX_AUDIENCE:
        problems.append(f"The audience is too long; it is cut to {MAX_AUDIENCE} characters.")
        audience = audience[:MAX_AUDIENCE]

    date = None
    if raw_date := params.get("date", "").strip():
        try:
            date = datetime.date.fromisoformat(raw_date[:10])
        except ValueError:
            problems.append(f"“{raw_date[:20]}” is not a date; use the form 2026-12-01.")

    start = None
    if raw_start := params.get("start", "").strip():
        match = re.fullmatch(r"(\d{1,2}):(\d{2})", raw_start[:10])
        if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
            start = datetime.time(int(match.group(1)), int(match.group(2)))
        else:
            problems.append(
                f"“{raw_start[:10]}” is not a time of day; use 24-hour time such as 09:30."
            )

    group = None
    if raw_group := params.get("group", "").strip():
        try:
            group = int(raw_group[:6])
        except ValueError:
            group = -1
        if not MIN_GROUP <= group <= MAX_GROUP:
            problems.append(
                f"“{raw_group[:10]}” is not a group size: give the number of participants, "
                f"{MIN_GROUP} to {MAX_GROUP}."
            )
            group = None

    paper = params.get("paper", "").strip().lower() or DEFAULT_PAPER
    if paper not in PAPER_SIZES:
        problems.append(f"“{paper[:10]}” is not a paper size: choose US Letter or A4.")
        paper = DEFAULT_PAPER

    return KitState(items, title, date, start, audience, group, paper, tuple(problems))

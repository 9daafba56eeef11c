"""A kit's whole state lives in its URL: items, title, date, start time and audience.

    /kits/?items=12,b15,13&title=Team+session&date=2026-12-01&start=09:30&audience=Supervisors

Parsing never fails: what is wrong is dropped, and a message says so in plain words.
"""

import datetime
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

MAX_ITEMS = 40
MAX_TITLE = 200
MAX_AUDIENCE = 120
MIN_BREAK, MAX_BREAK = 1, 240
MAX_RAW_ITEMS = 2000  # beyond this the list is not even read item by item
BREAK_TOKEN = re.compile(r"^b(\d{1,4})$")
MODULE_TOKEN = re.compile(r"^\d{1,10}$")


@dataclass(frozen=True)
class Break:
    minutes: int

    @property
    def token(self):
        return f"b{self.minutes}"


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
        }
        return urlencode({key: value for key, value in params.items() if value})

    @property
    def module_ids(self):
        return [item.page_id for item in self.items if isinstance(item, ModuleRef)]

    def with_items(self, items):
        return replace(self, items=tuple(items), problems=())

    def add_modules(self, page_ids):
        """Append the modules not already in the kit, as far as the kit has room."""
        present, new, already = set(self.module_ids), [], 0
        for page_id in page_ids:
            if page_id in present:
                already += 1
                continue
            present.add(page_id)
            new.append(ModuleRef(page_id))
        problems = []
        if already:
            problems.append(f"{already} module{'s were' if already > 1 else ' was'} already in "
                            "the kit and kept once.")  # fmt: skip
        room = max(MAX_ITEMS - len(self.items), 0)
        if len(new) > room:
            problems.append(
                f"A kit holds at most {MAX_ITEMS} items; {len(new) - room} could not be added."
            )
            new = new[:room]
        return replace(self.with_items([*self.items, *new]), problems=tuple(problems))

    def move(self, index, offset):
        items = list(self.items)
        target = index + offset
        if 0 <= index < len(items) and 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
        return self.with_items(items)

    def remove(self, index):
        return self.with_items([item for i, item in enumerate(self.items) if i != index])

    def insert_break(self, after, minutes):
        items = list(self.items)
        position = min(max(after, 0), len(items))
        items.insert(position, Break(minutes))
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
        elif match := BREAK_TOKEN.match(token):
            minutes = int(match.group(1))
            if MIN_BREAK <= minutes <= MAX_BREAK:
                items.append(Break(minutes))
            else:
                problems.append(
                    f"A break of {minutes} minutes was left out: breaks last "
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

    return KitState(items, title, date, start, audience, tuple(problems))

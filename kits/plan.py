"""The facilitator guide's plan of a kit: a run of show timed to the minute, the materials to
bring for the group, and what to prepare.

Every module's minutes are split into the segments its deck serves (materials/module_deck.py):
its presentation and discussion, each activity, its wrap-up. Minutes its activities do not fill
are a named segment, never lost.
"""

import math
from dataclasses import dataclass, field

from materials.module_deck import module_plan

GROUP_OF = 5  # people in a small group, for supplies counted per group
GROUND_RULES = [
    "What is said in the room stays in the room.",
    "Share headlines, not graphic details: talk about the impact of the work, not the case.",
    "Anyone may pass or step out at any time, without explaining.",
    "Speak for yourself and listen without judging.",
]


@dataclass
class Row:
    """One line of the run of show."""

    starts: int
    minutes: int
    title: str
    kind: str  # "item" (an agenda item of its own), "module", or "segment"
    slides: str = ""
    notes: str = ""
    number: str = ""  # the module's number, for its rows

    @property
    def ends(self):
        return self.starts + self.minutes


@dataclass
class ModulePlan:
    item: object
    number: int
    deck: object
    segments: list
    rows: list = field(default_factory=list)


def plan_modules(kit):
    """A ModulePlan for each module of the kit, its segments timed from its start."""
    plans, number = [], 0
    for item in kit.items:
        if item.is_break:
            continue
        number += 1
        deck, segments = module_plan(item.module, item.references)
        plan = ModulePlan(item, number, deck, segments)
        clock = item.starts
        for segment in segments:
            plan.rows.append(Row(clock, segment.minutes, segment.title, "segment",
                                 segment.slide_range, segment.notes, str(number)))  # fmt: skip
            clock += segment.minutes
        plans.append(plan)
    return plans


def run_of_show(kit, plans):
    """Every row of the session, in order: agenda items, and each module with its segments."""
    by_item = {plan.item.index: plan for plan in plans}
    rows = []
    for item in kit.items:
        if item.is_break:
            rows.append(Row(item.starts, item.minutes, item.title, "item"))
            continue
        plan = by_item[item.index]
        rows.append(Row(item.starts, item.minutes, f"{plan.number}. {item.title}", "module"))
        rows.extend(plan.rows)
    return rows


def _add(counts, name, quantity, reused=False):
    """Count `quantity` of `name`; supplies are reused from one activity to the next, so the
    most any activity needs is enough."""
    key = name.casefold()
    if key not in counts:
        counts[key] = [name, quantity]
    elif reused:
        counts[key][1] = max(counts[key][1], quantity)
    else:
        counts[key][1] += quantity


def materials_list(kit, plans):
    """[(what, how many)] for the session's group size: printouts, slides, activity supplies."""
    group = kit.state.group_size
    groups = math.ceil(group / GROUP_OF)
    counts = {}
    if any(plan.item.slides for plan in plans):
        _add(counts, "Projector, screen and a computer with the slides", 1)
    _add(counts, "Printed agenda (one each)", group)
    for document in kit.documents:
        if document.kind != "slides":
            _add(counts, f"Copies of “{document.title}”", group)
    _add(counts, "Evaluation form (in the kit)", group)
    for plan in plans:
        for segment in plan.segments:
            for supply in (segment.activity or {}).get("supplies") or []:
                per = {"participant": group, "group": groups}.get(supply["per"], 1)
                _add(counts, supply["item"], supply["amount"] * per, reused=True)
    return [tuple(entry) for entry in counts.values()]


def preparation_checklist(kit, plans):
    """What to do before the day, in the order a facilitator would do it."""
    group = kit.state.group_size
    steps = [
        "Read this guide, each module’s facilitator notes and the references you are less sure "
        "of.",
        f"Print the handouts and the evaluation form: {group} copies each "
        f"({kit.state.paper_label}).",
        "Gather the supplies in the materials list.",
    ]
    if any(plan.item.slides for plan in plans):
        steps.append("Open the slides on the room’s projector and check they are readable from "
                     "the back row.")  # fmt: skip
    if any(plan.item.module.content_warning for plan in plans):
        steps.append("Plan how you will give the content warnings, and arrange a second person "
                     "participants can go to if they step out.")  # fmt: skip
    steps += [
        "Find out what support your organization offers (an Employee Assistance Program, "
        "supervisors, peer support) and write the contacts into the opening section.",
        "Set up the room so that people can talk in small groups and leave quietly.",
    ]
    return steps


def content_warnings(plans):
    return [
        (plan.item.title, plan.item.module.content_warning)
        for plan in plans
        if plan.item.module.content_warning
    ]

"""Lists of courses and modules for a visitor, in a fixed number of queries."""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Prefetch, Q

from sts_learn.privacy import visible_pages


def visible_modules(course, request):
    """The modules of a course this request may see, in the editor's order."""
    from courses.models import ModulePage

    return visible_pages(ModulePage.objects.child_of(course), request).order_by("path")


@dataclass
class CourseCard:
    """A course as lists show it: with its visible modules' count and total duration."""

    course: object
    module_count: int = 0
    total_minutes: int = 0
    audiences: list = field(default_factory=list)
    domains: list = field(default_factory=list)


def course_cards(courses, request):
    """Cards for the visible courses of a CoursePage queryset (4 queries, whatever the sizes)."""
    from courses.models import ModulePage
    from home.models import DomainPage

    courses = list(
        visible_pages(courses, request)
        .order_by("path")
        .prefetch_related(
            "audiences",
            Prefetch("domains", queryset=DomainPage.objects.live().public().order_by("path")),
        )
    )
    if not courses:
        return []
    cards = {course.path: CourseCard(course) for course in courses}
    depth = {course.depth + 1 for course in courses}
    modules = visible_pages(
        ModulePage.objects.filter(depth__in=depth).filter(
            reduce(or_, (Q(path__startswith=path) for path in cards))
        ),
        request,
    ).only("path", "duration_minutes")
    step = ModulePage.steplen
    for module in modules:
        card = cards.get(module.path[:-step])
        if card:
            card.module_count += 1
            card.total_minutes += module.duration_minutes or 0
    for card in cards.values():
        card.audiences = list(card.course.audiences.all())
        card.domains = list(card.course.domains.all())
    return list(cards.values())

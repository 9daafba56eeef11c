"""Reading the handout library as a visitor does."""

from tests.courses.helpers import facts, soup, squash


def titles(response):
    return [squash(h.get_text()) for h in soup(response).select(".library-entry__title")]


def entry(response, title):
    """{"facts": {...}, "links": {text: href}, "modules": [text]} of one listed document."""
    for item in soup(response).select(".library-entry"):
        if squash(item.select_one(".library-entry__title").get_text()) == title:
            return {
                "facts": facts(item),
                "links": {squash(a.get_text()): a["href"] for a in item.select("a")},
                "modules": [
                    squash(li.get_text()) for li in item.select(".library-entry__modules li")
                ],
                "html": str(item),
            }
    raise AssertionError(f"{title!r} is not listed")


def options(response, name):
    """The choices of one filter's <select>, as (value, label), without its "any" choice."""
    select = soup(response).select_one(f"select[name={name}]")
    if select is None:
        return []
    return [(o["value"], squash(o.get_text())) for o in select.select("option") if o["value"]]


def selected(response, name):
    option = soup(response).select_one(f"select[name={name}] option[selected]")
    return option["value"] if option else ""


def result_count(response):
    return squash(soup(response).select_one(".result-count").get_text())

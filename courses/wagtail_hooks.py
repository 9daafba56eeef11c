from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.choosers import handout_chooser, slides_chooser
from courses.models import Reference


@hooks.register("register_admin_viewset")
def register_kind_choosers():
    return [slides_chooser, handout_chooser]


class ReferenceViewSet(SnippetViewSet):
    """Snippets › References: every citation, kept once and reused by modules."""

    model = Reference
    icon = "openquote"
    list_display = ["__str__", "kind", "year"]
    list_filter = ["kind"]
    ordering = ["authors", "year"]


register_snippet(ReferenceViewSet)

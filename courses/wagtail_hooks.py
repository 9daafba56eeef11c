from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.choosers import handout_chooser, slides_chooser
from courses.forms import ModulePageForm
from courses.models import ModulePage, Reference


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


@hooks.register("before_bulk_action")
def refuse_publishing_incomplete_modules(request, action_type, objects, action_class_instance):
    """Bulk "Publish" holds modules to the same rule as the edit form: objectives and duration."""
    if action_type != "publish":
        return None
    incomplete = []
    for page in objects:
        draft = page.specific.get_latest_revision_as_object()
        if isinstance(draft, ModulePage) and ModulePageForm.missing_essentials(draft):
            incomplete.append(draft.title)
    if not incomplete:
        return None
    messages.error(
        request,
        "Nothing was published. These modules need learning objectives and a duration before "
        f"they can be published: {', '.join(incomplete)}.",
    )
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = "wagtailadmin_explore_root"
    return redirect(back)

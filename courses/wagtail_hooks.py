from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.choosers import handout_chooser, slides_chooser
from courses.forms import ModulePageForm
from courses.models import ModulePage, Reference
from courses.views import locked_document
from roles.groups import TRAINERS
from sts_learn.privacy import is_locked, may_be_signed_in, visible_pages


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


@hooks.register("before_serve_document")
def generated_files_follow_their_module(document, request):
    """A module's printed slides and handouts are for whoever may see the module: a trainer-only
    module's files are too, wherever the file itself is kept."""
    if not getattr(document, "generated_for_id", None):
        return None
    module = ModulePage.objects.filter(pk=document.generated_for_id)
    if visible_pages(module, request).exists():
        return None
    if not may_be_signed_in(request) and module.filter(live=True).exists():
        return redirect_to_login(request.get_full_path(), settings.WAGTAIL_FRONTEND_LOGIN_URL)
    raise Http404("This file is not available.")


@hooks.register("before_serve_document")
def trainer_only_files_are_locked(document, request):
    """A trainer-only file asked for by someone who may not have it (anonymous, or signed in
    outside the Trainers group) gets the locked page instead of Wagtail's redirect to the admin's
    sign-in: it offers both signing in and asking for trainer access. Registered after the hook
    above, so a file printed from a hidden module stays unknown."""
    if is_locked(document, request, TRAINERS):
        return locked_document(request, document)
    return None


@hooks.register("before_bulk_action")
def refuse_publishing_incomplete_modules(request, action_type, objects, action_class_instance):
    """Bulk "Publish" holds modules to the same rules as the edit form: objectives, duration,
    and activities that fit the duration."""
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
        "Nothing was published. These modules need learning objectives, a duration and "
        f"activities that fit in it before they can be published: {', '.join(incomplete)}.",
    )
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = "wagtailadmin_explore_root"
    return redirect(back)

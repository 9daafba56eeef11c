"""Signing in and out on the public site, and asking for trainer access."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from accounts.forms import AccessRequestForm, SignInForm
from sts_learn import caching
from sts_learn.privacy import may_be_signed_in
from sts_learn.throttling import client_address

# Requests for access one address may send in an hour; more are refused with a 429.
ACCESS_REQUESTS_PER_HOUR = 5


class SignInView(auth_views.LoginView):
    """Django's sign-in for trainers, HR leaders and editors; failures are counted by axes.

    A wrong password and an unknown username get the same message. `?next=` is followed only to
    this site (LoginView checks it). A signed-in visitor sees the form too: they may have been
    sent here by a page their account does not open, and may sign in with another.
    """

    template_name = "pages/accounts/sign_in.html"
    authentication_form = SignInForm
    next_page = "/"

    def get_redirect_url(self):
        """`next` (a page that asked for an account), else `back` (the page whose header link
        led here), each only when it is on this site."""
        return super().get_redirect_url() or self._safe(
            self.request.POST.get("back") or self.request.GET.get("back")
        )

    def _safe(self, url):
        allowed = url_has_allowed_host_and_scheme(
            url, {self.request.get_host()}, self.request.is_secure()
        )
        return url if url and allowed else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = super().get_redirect_url()  # a page asked for an account, or ""
        context["asked_for_a_page"] = bool(context["next"])
        if not context["asked_for_a_page"]:
            context["back"] = self._safe(
                self.request.POST.get("back") or self.request.GET.get("back")
            )
        return context

    def dispatch(self, request, *args, **kwargs):
        # Never stored anywhere: it holds a CSRF token, and after sign-in, who is signed in.
        return caching.restricted(super().dispatch(request, *args, **kwargs))


@method_decorator(require_POST, name="dispatch")
class SignOutView(auth_views.LogoutView):
    """Sign out (POST only) and go back to the page the visitor came from, or home."""

    next_page = "/"

    def post(self, request, *args, **kwargs):
        was_signed_in = request.user.is_authenticated
        response = super().post(request, *args, **kwargs)
        if was_signed_in:
            messages.success(request, "You have signed out.")
        return response


def _one_more_request_is_too_many(request):
    """Count a request from this visitor's address: True once there are too many this hour."""
    return is_ratelimited(
        request,
        group="accounts.request_access",
        key=lambda group, request: client_address(request) or "unknown",
        rate=f"{ACCESS_REQUESTS_PER_HOUR}/h",
        increment=True,
    )


def request_access(request):
    """Ask for trainer access. The request is stored for editors; no account is ever created.

    Bad input gets the form again (400); only requests that would be stored are counted, so a
    person correcting mistakes is never refused for them.
    """
    status = 200
    limited = False
    if request.method == "POST":
        form = AccessRequestForm(request.POST)
        if not form.is_valid():
            status = 400
        elif _one_more_request_is_too_many(request):
            limited, status = True, 429
        else:
            if not form.is_from_a_robot:
                form.save()
            return redirect("accounts:request_access_thanks")
    else:
        form = AccessRequestForm()
    response = render(
        request,
        "pages/accounts/request_access.html",
        {"form": form, "limited": limited, "per_hour": ACCESS_REQUESTS_PER_HOUR},
        status=status,
    )
    # What a person typed is kept by no cache, not even their browser's.
    return caching.restricted(response) if request.method == "POST" else caching.private(response)


def request_access_thanks(request):
    """What happens next. The same for every anonymous visitor, so a shared cache may keep it."""
    response = render(request, "pages/accounts/request_access_thanks.html")
    if may_be_signed_in(request):
        return caching.private(response)
    return caching.shared(response)

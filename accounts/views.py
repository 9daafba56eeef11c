"""Signing in and out on the public site, and asking for trainer access."""

from django.contrib.auth import views as auth_views
from django.shortcuts import render


class SignInView(auth_views.LoginView):
    template_name = "pages/accounts/sign_in.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """POST only (Django's LogoutView refuses GET)."""


def request_access(request):
    return render(request, "pages/accounts/request_access.html")


def request_access_thanks(request):
    return render(request, "pages/accounts/request_access_thanks.html")

"""Page and document passwords are throttled like account sign-ins (django-axes).

Wagtail's password views answer a wrong password with the form again. Each wrong answer is
recorded as a failed sign-in for that restriction from that address; after AXES_FAILURE_LIMIT
failures the visitor gets the same 429 cool-off page as the sign-in form. As with sign-ins
(AXES_RESET_ON_SUCCESS), the right password clears that address's failures for the restriction.
"""

import functools

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib.auth.signals import user_login_failed


def client_address(request):
    """The visitor's address: REMOTE_ADDR, or behind N trusted proxies (TRUSTED_PROXY_COUNT) the
    N-th address from the right of X-Forwarded-For, the one our outermost proxy appended.

    Whatever a client writes into X-Forwarded-For itself stays further left and is never used.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def throttled_password_view(view, kind, restriction_argument):
    """Wrap one of Wagtail's password views, whose URL names the restriction's id."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        credentials = {"username": f"{kind}-password-{kwargs[restriction_argument]}"}
        if not AxesProxyHandler.is_allowed(request, credentials):
            return get_lockout_response(request, None, credentials)
        response = view(request, *args, **kwargs)
        if response.status_code == 200:  # the form came back: the password was wrong
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            if not AxesProxyHandler.is_allowed(request, credentials):
                return get_lockout_response(request, None, credentials)
        elif response.status_code == 302 and settings.AXES_RESET_ON_SUCCESS:  # let in
            AxesProxyHandler.reset_attempts(
                ip_address=request.axes_ip_address, username=credentials["username"]
            )
        return response

    return wrapper

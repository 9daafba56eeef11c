from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign_out"),
    path("request-access/", views.request_access, name="request_access"),
    path("request-access/thanks/", views.request_access_thanks, name="request_access_thanks"),
]

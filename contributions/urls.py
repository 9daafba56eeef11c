from django.urls import path

from contributions import views

app_name = "contributions"

urlpatterns = [
    path("", views.share_resource, name="share"),
    path("thanks/", views.thanks, name="thanks"),
]

from django.urls import path

from feeds.views import materials_feed

urlpatterns = [path("materials/", materials_feed, name="materials_feed")]

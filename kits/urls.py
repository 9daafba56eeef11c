from django.urls import path

from kits import views

app_name = "kits"

urlpatterns = [
    path("", views.kit_page, name="kit"),
    path("download/", views.download, name="download"),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda.pdf", views.agenda_pdf, name="agenda_pdf"),
    path("guide/", views.guide, name="guide"),
    path("guide.pdf", views.guide_pdf, name="guide_pdf"),
    path("evaluation/", views.evaluation, name="evaluation"),
    path("evaluation.pdf", views.evaluation_pdf, name="evaluation_pdf"),
    path("count/", views.count, name="count"),
]

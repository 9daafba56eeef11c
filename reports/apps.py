from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Reports"

    def ready(self):
        from wagtail.documents.models import document_served

        from reports.counting import on_document_served

        document_served.connect(on_document_served, dispatch_uid="reports-count-download")

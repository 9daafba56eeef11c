"""Reading the content reports as an editor does: their table rows and their exports."""

import csv
import io

import openpyxl
from django.urls import reverse

from tests.courses.helpers import soup, squash

REPORT_URL_NAMES = [
    "reports_modules_due_for_review",
    "reports_modules_missing_evidence",
    "reports_unused_handouts",
    "reports_most_downloaded",
]


def report_rows(client, url_name, **params):
    """The report's table as lists of cell texts, in the order shown."""
    response = client.get(reverse(url_name), params)
    assert response.status_code == 200, f"{url_name} answered {response.status_code}"
    return [
        [squash(cell.get_text(" ")) for cell in row.select("td")]
        for row in soup(response).select("table tbody tr")
    ]


def first_column(client, url_name, **params):
    return [row[0] for row in report_rows(client, url_name, **params)]


def exported(client, url_name, export, **params):
    """(content type, rows) of the report exported as CSV or Excel."""
    response = client.get(reverse(url_name), {**params, "export": export})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    if export == "csv":
        rows = list(csv.reader(io.StringIO(content.decode())))
    else:
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        rows = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    return response["Content-Type"], rows

"""Reading the API as a partner site does."""

from django.urls import reverse

PAGES = reverse("wagtailapi_v2:pages:listing")
DOCUMENTS = reverse("wagtailapi_v2:documents:listing")


def page_url(pk):
    return reverse("wagtailapi_v2:pages:detail", args=[pk])


def document_url(pk):
    return reverse("wagtailapi_v2:documents:detail", args=[pk])


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, f"{url} {params} answered {response.status_code}"
    assert response["Content-Type"] == "application/json"
    return response.json()


def titles(client, url, **params):
    return [item["title"] for item in get_json(client, url, **params)["items"]]

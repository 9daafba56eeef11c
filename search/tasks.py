"""Background work of site search: writing the index again after the synonyms change."""

from django_tasks import task

from search.indexing import rebuild_index


@task()
def rebuild_search_index():
    """Every page and document indexed again with the current synonyms."""
    pages, documents = rebuild_index()
    return pages + documents

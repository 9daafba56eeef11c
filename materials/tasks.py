"""Background work: printing a module's materials after it is published."""

from django_tasks import task

from courses.models import ModulePage
from materials.generation import generate_module_materials


@task()
def regenerate_module_materials(page_id):
    """Print the module's slides and handouts from its live revision (skipped when current)."""
    module = ModulePage.objects.filter(pk=page_id, live=True).first()
    if module is None:
        return 0
    return len(generate_module_materials(module))

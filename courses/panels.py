"""Admin panels of course pages."""

from wagtail.admin.panels import Panel


class GeneratedMaterialsPanel(Panel):
    """Read-only: the files the site made from this module, when, and which ones are in use."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "components/admin/generated_materials.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            module = self.instance
            documents = (
                list(module.generated_documents.order_by("generated_key")) if module.pk else []
            )
            replacements = {
                block.id: block.value.get("replacement") for block in module.handout_texts
            }
            rows = []
            for document in documents:
                replaced_by = None
                if document.generated_key.startswith("slides"):
                    replaced_by = module.slides_replacement
                elif document.generated_key.startswith("handout:"):
                    replaced_by = replacements.get(document.generated_key.split(":", 1)[1])
                rows.append({"document": document, "replaced_by": replaced_by})
            context.update(rows=rows, published=module.live and module.pk)
            return context

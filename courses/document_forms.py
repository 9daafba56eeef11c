"""The base of every admin document form (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.widgets import AdminImageChooser


class DocumentFormWithModelDefaults(BaseDocumentForm):
    """A metadata field that the submitted data leaves out takes the model's default.

    Wagtail's multiple uploader validates the full document form with only a title, a collection
    and the file. Without this, kind, language and licence (required choices with model defaults)
    would fail as missing, and the upload would take Wagtail's detour through UploadedFile. Forms
    in the browser always send every select, so the single add and edit forms are unaffected.

    Relations are left out on purpose: the collection is chosen among those the editor may add to,
    and a missing one must stay an error rather than fall back to the root collection.
    """

    class Meta(BaseDocumentForm.Meta):
        # A handout's picture is chosen from the image library, as on pages.
        widgets = {**BaseDocumentForm.Meta.widgets, "image": AdminImageChooser}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            for name in self.omitted_fields_with_model_defaults():
                self.fields[name].required = False

    def omitted_fields_with_model_defaults(self):
        """Names of the form's fields that have a model default and are absent from the data.

        Django's ModelForm already keeps the model default (or, when editing, the current value)
        for such a field once it is not required and comes back empty.
        """
        model_fields = {field.name: field for field in self._meta.model._meta.concrete_fields}
        names = []
        for name, form_field in self.fields.items():
            model_field = model_fields.get(name)
            if (
                model_field is not None
                and model_field.has_default()
                and not model_field.is_relation
                and form_field.widget.value_omitted_from_data(
                    self.data, self.files, self.add_prefix(name)
                )
            ):
                names.append(name)
        return names

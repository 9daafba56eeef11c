"""Document choosers that offer only one kind of document (slides, or handouts)."""

from wagtail.documents.views.chooser import (
    DocumentChooseResultsView,
    DocumentChooserViewSet,
    DocumentChooseView,
)

from courses.models.documents import DocumentKind

HANDOUT_KINDS = [
    DocumentKind.HANDOUT,
    DocumentKind.WORKSHEET,
    DocumentKind.EVALUATION,
    DocumentKind.FACILITATOR_GUIDE,
]


class KindFilterMixin:
    kinds = ()

    def get_object_list(self):
        return super().get_object_list().filter(kind__in=self.kinds)


def kind_chooser(name, kinds, label):
    """A chooser viewset, registered under `name`, listing documents of `kinds` only."""
    choose = type(f"{name}ChooseView", (KindFilterMixin, DocumentChooseView), {"kinds": kinds})
    results = type(
        f"{name}ResultsView", (KindFilterMixin, DocumentChooseResultsView), {"kinds": kinds}
    )
    viewset_class = type(
        f"{name}ViewSet",
        (DocumentChooserViewSet,),
        {
            "choose_view_class": choose,
            "choose_results_view_class": results,
            "choose_one_text": f"Choose {label}",
            "choose_another_text": f"Choose other {label}",
        },
    )
    return viewset_class(name, model="courses.CourseDocument", url_prefix=f"courses/{name}")


slides_chooser = kind_chooser("slides_chooser", [DocumentKind.SLIDES], "slides")
handout_chooser = kind_chooser("handout_chooser", HANDOUT_KINDS, "a handout")

from .documents import CourseDocument, DocumentKind, Licence
from .taxonomy import Audience

__all__ = ["Audience", "CourseDocument", "DocumentKind", "Licence"]

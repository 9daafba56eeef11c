from .documents import CourseDocument, DocumentKind, Licence, TextStatus
from .modules import EvidenceLevel, ModuleHandout, ModulePage, ModuleReference, ModuleSlides
from .pages import CourseFormat, CourseIndexPage, CoursePage
from .references import Reference, ReferenceKind
from .taxonomy import Audience

__all__ = [
    "Audience",
    "CourseDocument",
    "CourseFormat",
    "CourseIndexPage",
    "CoursePage",
    "DocumentKind",
    "EvidenceLevel",
    "Licence",
    "ModuleHandout",
    "ModulePage",
    "ModuleReference",
    "ModuleSlides",
    "Reference",
    "ReferenceKind",
    "TextStatus",
]

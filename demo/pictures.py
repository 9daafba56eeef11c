"""The demo's illustrations (demo/illustrations.py) as images in the library, on their pages.

Create-if-missing, like the rest of the demo: an image is found by its title in the root
collection (the demo adds no collection of its own, see decision 16), and a page only gets one
when it has none and no unpublished draft (an editor's picture, or an editor's work in progress,
is never overwritten).
"""

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection

from courses.models import CoursePage
from demo.illustrations import course_illustration, domain_illustration
from home.models import DomainPage


class PictureLoader:
    def __init__(self, log=print):
        self.log = log
        self.created = 0

    @transaction.atomic
    def load(self, home, course_domains):
        """Give each domain under `home`, and each demo course, its illustration.

        `course_domains` maps a demo course's slug to its domains' slugs (demo/data/courses.json).
        """
        for domain in DomainPage.objects.child_of(home).order_by("path"):
            self._attach(domain, domain_illustration(domain.slug))
        for course in CoursePage.objects.descendant_of(home).filter(slug__in=course_domains):
            picture = course_illustration(course.slug, course.title, course_domains[course.slug])
            self._attach(course, picture)

    def _image(self, picture):
        Image = get_image_model()
        collection = Collection.get_first_root_node()
        image = Image.objects.filter(collection=collection, title=picture.title).first()
        if image is None:
            image = Image(title=picture.title, collection=collection)
            image.file = ContentFile(picture.svg.encode("utf-8"), name=picture.file_name)
            image._set_image_file_metadata()
            image.save()
            self.created += 1
            self.log(f"  created image {picture.title}")
        return image

    def _attach(self, page, picture):
        if picture is None or page.image_id or page.has_unpublished_changes:
            return
        page.image = self._image(picture)
        page.image_alt = picture.alt
        page.image_decorative = False
        page.save_revision().publish()
        self.log(f"  illustrated {page.url_path}")

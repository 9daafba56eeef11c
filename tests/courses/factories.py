import factory
import wagtail_factories

from courses.models import Audience, CourseDocument


class AudienceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Audience {n}")
    slug = factory.Sequence(lambda n: f"audience-{n}")

    class Meta:
        model = Audience
        django_get_or_create = ("slug",)


class CourseDocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Handout {n}")
    file = factory.django.FileField(filename="handout.pdf", data=b"%PDF-1.4\n%%EOF\n")

    class Meta:
        model = CourseDocument

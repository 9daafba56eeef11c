"""Every course index goes through evidence review from the moment it exists."""

from django.db.models.signals import post_save


def course_index_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from review.workflow import use_for_course_index

        use_for_course_index(instance)


def connect():
    from courses.models import CourseIndexPage

    post_save.connect(
        course_index_created, sender=CourseIndexPage, dispatch_uid="review_course_index_created"
    )

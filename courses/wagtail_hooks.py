from wagtail import hooks

from courses.choosers import handout_chooser, slides_chooser


@hooks.register("register_admin_viewset")
def register_kind_choosers():
    return [slides_chooser, handout_chooser]

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site


@register_setting(icon="info-circle")
class SiteSettings(BaseSiteSetting):
    """What every page's footer shows, editable in Settings › Site settings."""

    footer_disclaimer = models.TextField(
        max_length=600,
        blank=True,
        help_text="A short disclaimer shown at the foot of every page (plain text, one or two "
        "sentences). The full text lives on the Terms page.",
    )
    terms_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The Legal Disclaimer and Terms of Use page, linked from every page's footer.",
    )
    contact_email = models.EmailField(
        blank=True,
        help_text="Where visitors can write to the consortium; shown in the footer.",
    )

    review_interval_months = models.PositiveSmallIntegerField(
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="How many months after its last review a module is due for review again; "
        "visitors see a notice on modules past that date.",
    )

    panels = [
        FieldPanel("footer_disclaimer"),
        FieldPanel("terms_page"),
        FieldPanel("contact_email"),
        FieldPanel("review_interval_months"),
    ]

    class Meta:
        verbose_name = "Site settings"

    @classmethod
    def base_queryset(cls):
        """The footer shows the Terms page's title and address: fetched with the settings."""
        return super().base_queryset().select_related("terms_page")

    @classmethod
    def review_interval(cls, request):
        """The review interval in months for the request's site (the default without a site)."""
        if Site.find_for_request(request) is None:
            return cls._meta.get_field("review_interval_months").default
        return cls.for_request(request).review_interval_months

from .pages import DomainPage, HomePage, HomePageGoal, StandardPage
from .site_settings import SiteSettings

__all__ = ["DomainPage", "HomePage", "HomePageGoal", "SiteSettings", "StandardPage"]

from .base import SitePage
from .pages import (
    DomainPage,
    HomePage,
    HomePageFeaturedCourse,
    HomePageGoal,
    StandardPage,
    site_ancestors,
)
from .site_settings import SiteSettings

__all__ = [
    "DomainPage",
    "HomePage",
    "HomePageFeaturedCourse",
    "HomePageGoal",
    "SitePage",
    "SiteSettings",
    "StandardPage",
    "site_ancestors",
]

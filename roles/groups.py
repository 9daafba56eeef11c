"""The names of the site's roles: Wagtail groups made by the roles app's migrations.

Editors draft and submit, Evidence reviewers approve or request changes, Publishers publish,
schedule and unpublish, Trainers may open trainer-only pages and files, HR leaders sign in to the
public site. The superuser may do everything.
"""

EDITORS = "Editors"
EVIDENCE_REVIEWERS = "Evidence reviewers"
PUBLISHERS = "Publishers"
TRAINERS = "Trainers"
HR_LEADERS = "HR leaders"

ALL = (EDITORS, EVIDENCE_REVIEWERS, PUBLISHERS, TRAINERS, HR_LEADERS)

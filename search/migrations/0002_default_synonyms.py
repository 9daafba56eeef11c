"""The acronyms and spellings people in trauma-exposed work search with (editable under Snippets)."""

from django.db import migrations

GROUPS = [
    "STS, secondary traumatic stress",
    "STSS, Secondary Traumatic Stress Scale",
    "VT, vicarious trauma, vicarious traumatization",
    "PTSD, posttraumatic stress disorder, post-traumatic stress disorder",
    "EAP, employee assistance program",
    "ProQOL, Professional Quality of Life",
    "TIC, trauma-informed care",
    "HR, human resources",
    "self-care, selfcare",
    "well-being, wellbeing",
    "burnout, burn-out",
]


def add_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for words in GROUPS:
        SynonymGroup.objects.get_or_create(words=words)


def remove_groups(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(words__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_index")]

    operations = [migrations.RunPython(add_groups, remove_groups)]

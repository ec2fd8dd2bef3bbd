"""The tree's root page and the root collection carry German names in the German admin
("Erkunden: Alle Websites", collection "Alle Sammlungen") instead of Wagtail's "Root"
(issue 15, item 4). Only names still at Wagtail's default are changed."""

from django.db import migrations

NAMES = {"page": ("Root", "Alle Websites"), "collection": ("Root", "Alle Sammlungen")}


def rename(forward):
    def run(apps, schema_editor):
        page = apps.get_model("wagtailcore", "Page")
        collection = apps.get_model("wagtailcore", "Collection")
        old, new = NAMES["page"] if forward else NAMES["page"][::-1]
        page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)
        old, new = NAMES["collection"] if forward else NAMES["collection"][::-1]
        collection.objects.filter(depth=1, name=old).update(name=new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_contactperson_table"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename(True), rename(False))]

from django.db import migrations


def content_type_to(app_label):
    """Revisions, workflow states, translations, permissions and the log point at the
    content type by id: relabelling it keeps all of them with the moved model."""

    def relabel(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        if not content_type.objects.filter(app_label=app_label, model="contactperson").exists():
            content_type.objects.filter(model="contactperson").exclude(
                app_label=app_label
            ).filter(app_label__in=["home", "portal"]).update(app_label=app_label)

    return relabel


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0005_contactperson_moved_to_portal"),
        ("portal", "0005_contactperson"),
        ("press", "0002_alter_pressreleasecontact_person"),
    ]

    operations = [
        migrations.AlterModelTable(name="contactperson", table=None),
        migrations.RunPython(content_type_to("portal"), content_type_to("home")),
    ]

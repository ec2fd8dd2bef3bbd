"""PO batches: export and import with progress and summary, refusal of broken, foreign,
wrong-language and stale files (nothing changes), and the translation editor's PO download
and upload for a translator, in the same format."""

from io import StringIO

from django.core.management import CommandError, call_command

from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import polib
import pytest

CONTACT_FILE = "contactpage-kontakt-{pk}.po"
NEW_TITLE = "Get in touch"


@pytest.fixture
def contact(contact_de):
    """The German contact page and its English translation."""
    page = contact_de
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="en"
    )
    return page, translation


def export(out, *args):
    output = StringIO()
    call_command("export_translations", "en", "--out", str(out), *args, stdout=output)
    return output.getvalue()


def import_(*args):
    output = StringIO()
    call_command("import_translations", *map(str, args), stdout=output, stderr=StringIO())
    return output.getvalue()


def title_translation(translation):
    return StringTranslation.objects.get(
        context__object_id=translation.source.object_id,
        context__path="title",
        locale=translation.target_locale,
    ).data


def edit_title(path, title):
    po = polib.pofile(str(path))
    po.find("Kontakt", msgctxt="title").msgstr = title
    po.save(str(path))


def test_export_writes_one_file_per_translation_with_progress(contact, tmp_path):
    _, translation = contact
    output = export(tmp_path)
    files = sorted(tmp_path.glob("*.po"))
    assert len(files) == Translation.objects.filter(enabled=True).count()
    assert "[1/" in output and "strings" in output
    assert f"Exported {len(files)} files" in output
    po = polib.pofile(str(tmp_path / CONTACT_FILE.format(pk=translation.pk)))
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert po.metadata["Language"] == "en"
    assert po.find("Kontakt", msgctxt="title").msgstr == "Contact"


def test_export_of_a_subtree_holds_only_its_pages(contact, tmp_path):
    export(tmp_path, "--root", "/de/kontakt/", "--no-snippets")
    assert [path.name for path in tmp_path.glob("*.po")] == [CONTACT_FILE.format(pk=contact[1].pk)]


def test_export_refuses_an_unknown_root(seeded, tmp_path):
    with pytest.raises(CommandError, match="No page '/de/gibt-es-nicht/'"):
        export(tmp_path, "--root", "/de/gibt-es-nicht/")


def test_round_trip_changes_strings_but_not_the_live_page(contact, tmp_path):
    page, translation = contact
    export(tmp_path, "--root", str(page.pk), "--no-snippets")
    path = tmp_path / CONTACT_FILE.format(pk=translation.pk)
    edit_title(path, NEW_TITLE)
    output = import_(tmp_path, "--language", "en")
    assert "[1/1] Kontakt: " in output and "1 changed" in output
    assert "Imported 1 files:" in output and "1 changed" in output.splitlines()[-1]
    assert title_translation(translation) == NEW_TITLE
    english = page.get_translation(translation.target_locale)
    assert english.title == "Contact"  # the visitor sees it only after approval

    again = import_(path)
    assert "0 changed" in again.splitlines()[-1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("this is not a PO file\n", "not a valid PO file"),
        ('msgid ""\nmsgstr ""\n"Language: en\\n"\n', "no X-WagtailLocalize-TranslationID"),
        (
            'msgid ""\nmsgstr ""\n"X-WagtailLocalize-TranslationID: '
            '1b0ed4a4-8e3e-4c2e-9d0c-5f1d0a7e2b11\\n"\n',
            "does not exist on this site",
        ),
        ('msgid ""\nmsgstr ""\n"X-WagtailLocalize-TranslationID: kaputt\\n"\n', "does not exist"),
    ],
)
def test_a_bad_file_stops_the_whole_batch(contact, tmp_path, content, message):
    page, translation = contact
    export(tmp_path, "--root", str(page.pk), "--no-snippets")
    edit_title(tmp_path / CONTACT_FILE.format(pk=translation.pk), NEW_TITLE)
    (tmp_path / "zz-bad.po").write_text(content)
    with pytest.raises(CommandError, match=message) as error:
        import_(tmp_path)
    assert "Nothing imported" in str(error.value) and "zz-bad.po" in str(error.value)
    assert title_translation(translation) == "Contact"


def test_a_missing_file_is_refused(seeded, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        import_(tmp_path / "fehlt.po")


def test_a_file_for_another_language_is_refused(contact, tmp_path):
    page, translation = contact
    export(tmp_path, "--root", str(page.pk), "--no-snippets")
    path = tmp_path / CONTACT_FILE.format(pk=translation.pk)
    edit_title(path, NEW_TITLE)
    with pytest.raises(CommandError, match="translation into 'en', not 'fr'"):
        import_(path, "--language", "fr")
    po = polib.pofile(str(path))
    po.metadata["Language"] = "fr"
    po.save(str(path))
    with pytest.raises(CommandError, match="declares language 'fr'"):
        import_(path)
    assert title_translation(translation) == "Contact"


def test_stale_strings_are_refused_by_name(contact, tmp_path):
    page, translation = contact
    export(tmp_path, "--root", str(page.pk), "--no-snippets")
    path = tmp_path / CONTACT_FILE.format(pk=translation.pk)
    edit_title(path, NEW_TITLE)
    page.title = "Kontakt und Anfahrt"
    page.save_revision().publish()
    TranslationSource.update_or_create_from_instance(page)  # "Sync translated pages"
    with pytest.raises(CommandError, match=r"1 string\(s\) no longer in the source") as error:
        import_(path)
    assert "title: 'Kontakt'" in str(error.value)
    assert "export the translation again" in str(error.value)
    assert not StringTranslation.objects.filter(data=NEW_TITLE).exists()


def test_the_same_translation_twice_is_refused(contact, tmp_path):
    page, translation = contact
    export(tmp_path, "--root", str(page.pk), "--no-snippets")
    path = tmp_path / CONTACT_FILE.format(pk=translation.pk)
    copy = tmp_path / "copy.po"
    copy.write_text(path.read_text())
    with pytest.raises(CommandError, match="same translation as"):
        import_(path, copy)


def test_translator_downloads_and_uploads_in_the_editor(contact, role_users, client, tmp_path):
    """The admin's PO files and the commands' files are the same format, both ways."""
    page, translation = contact
    client.force_login(role_users["translator"])
    base = f"/admin/localize/translate/{translation.pk}/pofile/"
    response = client.get(base + "download/")
    assert response.status_code == 200
    downloaded = tmp_path / "downloaded.po"
    downloaded.write_bytes(response.content)
    edit_title(downloaded, NEW_TITLE)
    assert "1 changed" in import_(downloaded).splitlines()[-1]
    assert title_translation(translation) == NEW_TITLE

    export(tmp_path / "batch", "--root", str(page.pk), "--no-snippets")
    exported = tmp_path / "batch" / CONTACT_FILE.format(pk=translation.pk)
    edit_title(exported, "Write to us")
    with exported.open("rb") as upload:
        response = client.post(base + "upload/", {"file": upload, "next": "/admin/"})
    assert response.status_code == 302
    assert title_translation(translation) == "Write to us"


def test_editors_of_the_german_tree_get_no_english_po_files(contact, role_users, client, tmp_path):
    """The PO views ask for edit rights on the English page, which editors lack."""
    _, translation = contact
    client.force_login(role_users["editor"])
    base = f"/admin/localize/translate/{translation.pk}/pofile/"
    response = client.get(base + "download/")
    assert response.status_code == 302 and response.url == "/admin/"
    path = tmp_path / "upload.po"
    path.write_text(str(translation.export_po()))
    edit_title(path, NEW_TITLE)
    with path.open("rb") as upload:
        client.post(base + "upload/", {"file": upload, "next": "/admin/"})
    assert title_translation(translation) == "Contact"

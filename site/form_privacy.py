"""Form submissions are personal data: only the roles that answer them may see them.

Decision: Freigabe and Administration answer the public forms (contact, "Barriere melden",
"Partner werden", orders); Redaktion and Übersetzung edit the form pages but never see what
visitors sent. Wagtail shows a form's submissions to everyone who may edit the page
(`wagtail.contrib.forms.utils.get_forms_for_user`); its hook `filter_form_submissions_for_user`
narrows that set. Every way to the submissions goes through that function: the menu item
"Formulare", the forms list, the submissions list with its CSV/XLSX export and the delete
view, so a crafted URL is refused as well (PermissionDenied).

The right is the model permission "view form submission" (`roles.py` grants it to Freigabe;
Administration and superusers hold every permission). Wagtail lets whoever reads a form's
submissions delete them; the portal keeps it so, the same roles read, export and delete.
"""

from wagtail import hooks

SUBMISSIONS_PERMISSION = "wagtailforms.view_formsubmission"


@hooks.register("filter_form_submissions_for_user")
def only_roles_that_answer_forms(user, form_pages):
    """Wagtail's form pages the user may edit, or none for roles that do not answer forms."""
    return form_pages if user.has_perm(SUBMISSIONS_PERMISSION) else form_pages.none()

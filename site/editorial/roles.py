"""The portal's four editorial groups (DESIGN.md, "Roles and workflow"), as data.

The groups are defined here, in code, and `manage.py setup_editorial` makes the database
match: a permission granted by hand in the admin is taken back on the next run. Changing a
role is a reviewed change to this file, as befits a ministry's publishing rights.
"""

from dataclasses import dataclass, field

EDITORS = "Redaktion"
APPROVERS = "Freigabe"
TRANSLATORS = "Übersetzung"
ADMINISTRATION = "Administration"
EDITORIAL_GROUPS = (EDITORS, APPROVERS, TRANSLATORS, ADMINISTRATION)

SOURCE_LANGUAGE = "de"
ALL_TREES = "*"


@dataclass(frozen=True)
class Role:
    """A group: its model permissions and its rights in page trees and collections.

    `page_trees` names the language trees (home pages by language code, or ALL_TREES for
    the root, which covers every tree) in which the group holds `page_permissions`.
    """

    name: str
    model_permissions: tuple[str, ...]
    page_permissions: tuple[str, ...] = ()
    page_trees: tuple[str, ...] = ()
    collection_permissions: tuple[str, ...] = field(default=())
    # Rights in the collection "Zur Freigabe" only (`portal.editorial.files`).
    pending_collection_permissions: tuple[str, ...] = field(default=())


# Uploads land in the collection "Zur Freigabe" and become public when released
# (`portal.editorial.files`): nobody but Administration adds to the public collections.
FILE_CHOICE = ("wagtailimages.choose_image", "wagtaildocs.choose_document")
FILE_UPLOAD = (*FILE_CHOICE, "wagtailimages.add_image", "wagtaildocs.add_document")
FILE_EDITING = ("wagtailimages.change_image", "wagtaildocs.change_document")

ROLES = (
    Role(
        name=EDITORS,
        model_permissions=(
            "wagtailadmin.access_admin",
            "partners.add_partner",
            "partners.change_partner",
            "partners.lock_partner",
            "portal.add_contactperson",
            "portal.change_contactperson",
            "portal.lock_contactperson",
            # Promotions show on top of the public results at once: editors see them,
            # Freigabe and Administration change them (changing one is its release).
            "wagtailsearchpromotions.view_searchpromotion",
        ),
        page_permissions=("add_page", "change_page", "lock_page"),
        page_trees=(SOURCE_LANGUAGE,),
        collection_permissions=FILE_CHOICE,
        pending_collection_permissions=(*FILE_UPLOAD, *FILE_EDITING),
    ),
    Role(
        name=APPROVERS,
        model_permissions=(
            "wagtailadmin.access_admin",
            "partners.add_partner",
            "partners.change_partner",
            "partners.delete_partner",
            "partners.publish_partner",
            "partners.lock_partner",
            "partners.unlock_partner",
            "portal.add_contactperson",
            "portal.change_contactperson",
            "portal.delete_contactperson",
            "portal.publish_contactperson",
            "portal.lock_contactperson",
            "portal.unlock_contactperson",
            # Read, export and delete form submissions (`portal.form_privacy`).
            "wagtailforms.view_formsubmission",
            "wagtailsearchpromotions.add_searchpromotion",
            "wagtailsearchpromotions.change_searchpromotion",
            "wagtailsearchpromotions.delete_searchpromotion",
            "wagtailsearchpromotions.view_searchpromotion",
        ),
        page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        page_trees=(ALL_TREES,),
        collection_permissions=(
            *FILE_CHOICE,
            *FILE_EDITING,
            "wagtailimages.delete_image",
            "wagtaildocs.delete_document",
        ),
        pending_collection_permissions=FILE_UPLOAD,
    ),
    Role(
        name=TRANSLATORS,
        # Snippet rights are not per language in Wagtail: `portal.translation.review_hooks`
        # keeps translators out of the German partners and contact persons.
        model_permissions=(
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "partners.change_partner",
            "portal.change_contactperson",
        ),
        page_permissions=("change_page", "lock_page"),
        page_trees=("en",),
        collection_permissions=FILE_CHOICE,
    ),
)

# Administration holds every permission there is; it is not listed in ROLES because its
# permission list is "all of them", computed when the setup runs.
ADMINISTRATION_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)


def is_translator_only(user):
    """A translator with no other role: confined to the English versions."""
    if user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return TRANSLATORS in names and not names & {EDITORS, APPROVERS, ADMINISTRATION}

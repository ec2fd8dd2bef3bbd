"""One demo account per editorial role, for the embedded default only (`make run`)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from portal.editorial.roles import ADMINISTRATION, APPROVERS, EDITORS, TRANSLATORS

DEMO_PASSWORD = "chancen-lokal"  # noqa: S105 – printed on purpose; refused outside DEBUG
DEMO_ACCOUNTS = (
    # username, group, what the account is for
    ("admin", ADMINISTRATION, "Administration: alles, Benutzer und Einstellungen"),
    ("redaktion", EDITORS, "Redaktion: deutsche Inhalte schreiben, zur Freigabe einreichen"),
    ("freigabe", APPROVERS, "Freigabe: freigeben oder Änderungen anfordern"),
    ("uebersetzung", TRANSLATORS, "Übersetzung: englische Inhalte übersetzen"),
)


class Command(BaseCommand):
    help = "Creates the demo accounts of the four roles (development only) and prints them."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "create_demo_accounts only runs with DEBUG on (the embedded default). "
                "In production create accounts with `manage.py createsuperuser` and the admin."
            )
        self.stdout.write(f"  Demo accounts (password '{DEMO_PASSWORD}' unless you changed it):")
        for username, group_name, purpose in DEMO_ACCOUNTS:
            user = self.ensure_account(username, group_name)
            note = "" if user.check_password(DEMO_PASSWORD) else "  (own password set)"
            self.stdout.write(f"    {username:<14} {purpose}{note}")

    def ensure_account(self, username, group_name):
        group = Group.objects.get(name=group_name)
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@localhost"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_superuser = group_name == ADMINISTRATION
            user.save()
        user.groups.add(group)
        return user

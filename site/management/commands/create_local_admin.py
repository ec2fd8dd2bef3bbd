from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

LOCAL_USERNAME = "admin"
LOCAL_PASSWORD = "chancen-lokal"  # noqa: S105 – printed on purpose; refused outside DEBUG


class Command(BaseCommand):
    help = "Creates a local administrator when no account exists (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "create_local_admin only runs with DEBUG on (the embedded default). "
                "In production create accounts with `manage.py createsuperuser`."
            )
        users = get_user_model().objects
        if not users.exists():
            users.create_superuser(LOCAL_USERNAME, "admin@localhost", LOCAL_PASSWORD)
            self.stdout.write(self.style.SUCCESS("Local administrator created."))
        admin = users.filter(username=LOCAL_USERNAME, is_superuser=True).first()
        if admin is not None and admin.check_password(LOCAL_PASSWORD):
            self.stdout.write(
                f"  Log in with user '{LOCAL_USERNAME}', password '{LOCAL_PASSWORD}'."
            )
        else:
            self.stdout.write("  Accounts exist already: log in with your own.")

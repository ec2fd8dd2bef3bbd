"""Administration resets the second factor of accounts that lost their device."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.logins.twofactor import reset_second_factor, second_factor_required


class Command(BaseCommand):
    help = (
        "Removes the authenticator app and recovery codes of the given accounts. They log in "
        "with their password and, where their role requires it, set up a new second factor."
    )

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="+", metavar="username")

    def handle(self, *args, usernames, **options):
        users = get_user_model().objects.filter(username__in=usernames)
        missing = sorted(set(usernames) - {user.get_username() for user in users})
        if missing:
            raise CommandError(f"No such account: {', '.join(missing)}. Nothing was changed.")
        for user in users:
            removed = reset_second_factor(user)
            then = (
                "sets up a new one at the next login"
                if second_factor_required(user)
                else "logs in with the password only"
            )
            state = "reset" if removed else "had no second factor;"
            self.stdout.write(f"{user.get_username()}: second factor {state} {then}.")

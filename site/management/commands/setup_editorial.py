from django.core.management.base import BaseCommand

from portal.editorial.setup import TASK_NAME, WORKFLOW_NAME, setup_editorial


class Command(BaseCommand):
    help = (
        "Creates or corrects the groups Redaktion, Freigabe, Übersetzung and Administration "
        "and the workflow „Redaktionelle Freigabe“. Safe to run again at any time."
    )

    def handle(self, *args, **options):
        groups = setup_editorial()
        self.stdout.write(
            self.style.SUCCESS(
                f"Groups {', '.join(groups)}; workflow „{WORKFLOW_NAME}“ "
                f"with the task „{TASK_NAME}“ in place."
            )
        )

"""The production settings, plus the benchmark's constant-response view (`bench.urls`).

Only the URLconf differs, so the reference view runs through the same middleware as every
page: the ratio of a page to it is what the page itself costs.
"""

import os

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# While the portal is built (`bench.build`), tasks such as the search indexing of the seed run
# at once: no worker runs beside the build. The served portal queues them as in production.
if os.environ.get("BENCH_BUILD"):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

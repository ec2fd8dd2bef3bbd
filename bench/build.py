"""Builds the benchmark's portal: `python -m bench.build SCALE` (called by `bench/bench.py`).

Migrations, the seed content, then `bench.generate` at the scale's counts, in one Django
process; prints how long each step took.
"""

import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.core.management import call_command  # noqa: E402

from bench.generate import SCALES, generate  # noqa: E402


def step(name, function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    print(f"[bench]   {name}: {time.perf_counter() - started:.1f} s", flush=True)
    return result


def main(scale):
    step("migrate", call_command, "migrate", interactive=False, verbosity=0)
    step("load_seed_content", call_command, "load_seed_content", verbosity=0)
    counts = step(f"generate ({scale})", generate, SCALES[scale])
    print("[bench]   added: " + ", ".join(f"{n} {label}" for label, n in counts.items()))


if __name__ == "__main__":
    main(sys.argv[1])

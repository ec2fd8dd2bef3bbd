"""`make fuzz`: the property-based API tests with random seeds, round after round.

Each round runs the tests marked `fuzz` with the Hypothesis profile "fuzz" (random, many
examples) and a new seed, until the time is up; a failing round prints its seed, and
`make fuzz SEED=<seed>` runs exactly that round again. `make test` and CI draw the same
examples every time instead (profile "deterministic").
"""

import argparse
import os
import random
import subprocess
import sys
import time


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=20, help="how long to keep fuzzing")
    parser.add_argument("--seed", type=int, help="run one round with this seed")
    parser.add_argument("--examples", type=int, default=100, help="examples per operation")
    parser.add_argument("-k", dest="keyword", default="", help="only these groups (pytest -k)")
    return parser.parse_args()


def run_round(seed, args):
    command = [
        sys.executable,
        "-m",
        "pytest",
        "tests/test_api_fuzz.py",
        "-m",
        "fuzz",
        "-q",
        "-p",
        "no:cacheprovider",
        "--timeout=0",
        "--hypothesis-profile=fuzz",
        f"--hypothesis-seed={seed}",
    ]
    if args.keyword:
        command += ["-k", args.keyword]
    environment = os.environ | {"FUZZ_EXAMPLES": str(args.examples)}
    return subprocess.run(command, env=environment, check=False).returncode  # noqa: S603


def main():
    args = arguments()
    deadline = time.monotonic() + args.minutes * 60
    failed = []
    rounds = 0
    while True:
        seed = args.seed if args.seed is not None else random.SystemRandom().getrandbits(64)
        print(f"== fuzz round {rounds + 1}, seed {seed}", flush=True)  # noqa: T201
        if run_round(seed, args) != 0:
            failed.append(seed)
            print(f"== FAILED with seed {seed}: make fuzz SEED={seed}", flush=True)  # noqa: T201
        rounds += 1
        if args.seed is not None or time.monotonic() >= deadline:
            break
    print(f"== {rounds} round(s), {len(failed)} failed: {failed or 'none'}")  # noqa: T201
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

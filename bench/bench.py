#!/usr/bin/env python3
"""`make bench`: how fast the portal serves each page type, on a portal of realistic size.

    python bench/bench.py run [--scale full|small|tiny] [--rounds 4] [--duration 3]
                              [--connections 8] [--workers 2] [--strict]
    python bench/bench.py clean      the cached scratch portals (.bench/, bench_cache_* databases)

What it does, in order (README "Performance"):
1. A scratch portal in a temporary directory: its own Redis, its own database (SQLite there,
   or `bench_<pid>` on the PostgreSQL server of DATABASE_URL), migrated, seeded and grown by
   `bench.generate` (3,000 partners, 2,000 press releases, 500 documents, 200 pages in both
   languages at full scale). A built portal is cached in .bench/ (PostgreSQL: a template
   database), keyed by the migrations, the seed, the generator and the scale; a rerun copies it.
2. `bench.probe`: one URL per page type, each checked for 200 and its queries counted.
3. gunicorn with the production settings (plus the constant-response view, `bench.settings`),
   sync workers, on a free loopback port. The first request after the start is timed.
4. Per round, every URL in turn (rounds interleave, so a noisy neighbour hits every URL alike):
   `wrk` for DURATION seconds with CONNECTIONS connections; req/s, p50 and p99 from wrk, the
   server's CPU time per request from the workers' /proc/<pid>/stat (user + system ticks)
   divided by the requests wrk completed. The table shows the median of the rounds.
5. Stops everything it started, drops the scratch database, removes the temporary directory
   (also on Ctrl-C or SIGTERM).

An operator's tool like stack/stack.py: the Python standard library only; Django runs in the
subprocesses it starts (`bench.build`, `bench.probe`, gunicorn).
"""

import argparse
import contextlib
import dataclasses
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import Result, render  # noqa: E402

VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = VENV_BIN / "python"
CACHE = ROOT / ".bench"
TICKS = os.sysconf("SC_CLK_TCK")
# What a cached build depends on: a change to any of these builds the portal again.
BUILD_INPUTS = [
    "pyproject.toml",
    "bench/generate.py",
    "bench/build.py",
    "site/seed.py",
    "*/migrations/*.py",
    "*/seed/**/*",
]


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


class Interrupted(Exception):
    pass


def interrupt(signum, frame):
    raise Interrupted(signal.Signals(signum).name)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_key(scale, engine):
    digest = hashlib.sha256(f"{scale}:{engine}".encode())
    for pattern in BUILD_INPUTS:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and ".venv" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return f"{scale}-{digest.hexdigest()[:12]}"


# --- the database ----------------------------------------------------------------------------


class SQLite:
    engine = "sqlite"

    def __init__(self, workdir):
        self.path = workdir / "db.sqlite3"
        self.url = f"sqlite:///{self.path}"

    def create(self):
        self.path.unlink(missing_ok=True)

    def restore(self, key):
        cached = CACHE / f"{key}.sqlite3"
        if not cached.exists():
            return False
        shutil.copyfile(cached, self.path)
        return True

    def keep(self, key):
        CACHE.mkdir(exist_ok=True)
        shutil.copyfile(self.path, CACHE / f"{key}.sqlite3.part")
        (CACHE / f"{key}.sqlite3.part").rename(CACHE / f"{key}.sqlite3")

    def drop(self):
        pass


class PostgreSQL:
    """`bench_<pid>` on the server of DATABASE_URL; cached builds as `bench_cache_<key>`."""

    engine = "postgresql"

    def __init__(self, server_url):
        parts = urlsplit(server_url)
        self.server = parts
        self.name = f"bench_{os.getpid()}"
        self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        self.created = False

    def sql(self, statement, database=None):
        url = urlunsplit(self.server._replace(path=f"/{database or 'postgres'}"))
        done = subprocess.run(
            ["psql", url, "-v", "ON_ERROR_STOP=1", "-qAtc", statement],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise SystemExit(f"psql: {done.stderr.strip()}")
        return done.stdout.strip()

    def cached_name(self, key):
        return "bench_cache_" + re.sub(r"\W", "_", key)

    def create(self):
        self.sql(f'CREATE DATABASE "{self.name}"')
        self.created = True

    def restore(self, key):
        cached = self.cached_name(key)
        # The name is ours: "bench_cache_" and word characters (cached_name).
        if not self.sql(f"SELECT 1 FROM pg_database WHERE datname = '{cached}'"):  # noqa: S608
            return False
        self.sql(f'CREATE DATABASE "{self.name}" TEMPLATE "{cached}"')
        self.created = True
        return True

    def keep(self, key):
        self.sql(f'CREATE DATABASE "{self.cached_name(key)}" TEMPLATE "{self.name}"')

    def drop(self):
        if self.created:
            self.sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self.created = False

    def drop_caches(self):
        names = self.sql("SELECT datname FROM pg_database WHERE datname LIKE 'bench_cache_%'")
        for name in names.split():
            self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            log(f"dropped database {name}")


def database(workdir):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return PostgreSQL(url)
    if url:
        raise SystemExit("DATABASE_URL: only PostgreSQL (postgres://…) or none (SQLite)")
    return SQLite(workdir)


# --- processes -------------------------------------------------------------------------------


class Processes:
    """Everything the benchmark starts, stopped in reverse order whatever happens."""

    def __init__(self):
        self.running = []

    def start(self, name, argv, log_path, **kwargs):
        output = open(log_path, "ab")  # noqa: SIM115 – closed with the process
        process = subprocess.Popen(
            argv, stdout=output, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
        )
        self.running.append((name, process, output))
        return process

    def stop(self, process, timeout=15):
        with contextlib.suppress(ProcessLookupError):
            process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop_all(self):
        while self.running:
            _name, process, output = self.running.pop()
            self.stop(process)
            output.close()


def django_env(workdir, db, port, redis_port):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PORTAL_", "DATABASE_", "REDIS_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
            "PORTAL_DATA_DIR": str(workdir),
            "PORTAL_PUBLIC_URL": f"http://127.0.0.1:{port}",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": db.url,
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "PYTHONPATH": str(ROOT),
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def run_django(argv, env, **extra_env):
    process = subprocess.Popen([PYTHON, *argv], cwd=ROOT, env={**env, **extra_env})
    try:
        returncode = process.wait()
    except BaseException:  # interrupted: the child goes too
        process.terminate()
        process.wait()
        raise
    if returncode:
        raise SystemExit(f"{' '.join(map(str, argv))} failed ({returncode})")


def manage(env, *args):
    run_django(["manage.py", *args, "-v", "0"], env)


def wait_for_port(port, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.1)
    raise SystemExit(f"nothing listens on port {port} after {timeout} s")


def wait_for_http(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(url, timeout=5) as response,  # noqa: S310 – loopback
        ):
            if response.status == 200:
                return
        time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def timed_get(url):
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 – loopback
        response.read()
    return (time.perf_counter() - started) * 1000


def worker_pids(master):
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()]


def cpu_ticks(pids):
    total = 0
    for pid in pids:
        with contextlib.suppress(FileNotFoundError):
            # Fields after the command name, which may contain spaces: utime is the 12th.
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# --- load ----------------------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output):
    """req/s, completed requests, p50 and p99 in ms, and errors from `wrk --latency`."""

    def number(pattern):
        match = re.search(pattern, output)
        return match.groups() if match else None

    def latency(percent):
        match = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        value, unit = match.groups() if match else ("nan", "ms")
        return float(value) * UNITS[unit]

    requests = int(number(r"(\d+) requests in")[0])
    non_2xx = number(r"Non-2xx or 3xx responses: (\d+)")
    socket_errors = number(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
    errors = int(non_2xx[0]) if non_2xx else 0
    # Reads that fail when sync workers close the connection are not errors of the page.
    if socket_errors:
        errors += int(socket_errors[0]) + int(socket_errors[3])
    return {
        "rps": float(number(r"Requests/sec:\s+([\d.]+)")[0]),
        "requests": requests,
        "p50": latency(50),
        "p99": latency(99),
        "errors": errors,
    }


def wrk(url, duration, connections):
    done = subprocess.run(
        [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "30s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return parse_wrk(done.stdout)


def served(counts_dir):
    """Requests the workers finished so far (bench/gunicorn_conf.py)."""
    return sum(
        struct.unpack("q", path.read_bytes()[:8] or bytes(8))[0] for path in counts_dir.iterdir()
    )


def settled(pids, counts_dir):
    """CPU ticks and served requests once the workers are idle.

    When wrk stops, requests it sent may still wait in the listen queue; the workers serve
    them after. Waiting until neither number moves counts their time and them alike.
    """
    last = None
    while True:
        now = (cpu_ticks(pids), served(counts_dir))
        if now == last:
            return now
        last = now
        time.sleep(0.25)


def load_round(base, rows, master, counts_dir, duration, connections):
    measured = {}
    for row in rows:
        pids = worker_pids(master)
        ticks, requests = settled(pids, counts_dir)
        started = time.perf_counter()
        result = wrk(base + row["url"], duration, connections)
        ticks_after, requests_after = settled(pids, counts_dir)
        served_now = max(requests_after - requests, 1)
        result["cpu_ms"] = (ticks_after - ticks) * 1000 / TICKS / served_now
        if not result["requests"]:
            # Slower than the window: no answer reached wrk before it stopped. The workers'
            # count over the time until they were idle gives the rate; latency is unknown.
            result["rps"] = served_now / (time.perf_counter() - started)
            result["p50"] = result["p99"] = None
        measured[row["url"]] = result
    return measured


# --- the run -------------------------------------------------------------------------------


def prepare(db, env, workdir, key):
    """The scratch portal's database and media: from the cache, else built (and cached)."""
    media_cache = CACHE / f"{key}-media"
    started = time.perf_counter()
    if db.restore(key) and media_cache.exists():
        shutil.copytree(media_cache, workdir / "media")
        log(f"portal {key} copied from the cache in {time.perf_counter() - started:.1f} s")
        return None
    db.drop()
    db.create()
    log(f"building the portal {key} (migrate, seed, generate)")
    run_django(["-m", "bench.build", key.split("-")[0]], env, BENCH_BUILD="1")
    seconds = time.perf_counter() - started
    log(f"portal built in {seconds:.0f} s")
    db.keep(key)
    shutil.rmtree(media_cache, ignore_errors=True)
    shutil.copytree(workdir / "media", media_cache)
    return seconds


def collect_static(env, workdir):
    """`collectstatic` once per installed code: cached in .bench/, linked into the portal."""
    digest = hashlib.sha256()
    for marker in [ROOT / ".venv" / ".installed", *sorted(ROOT.glob("*/static/**/*"))]:
        if marker.is_file():
            digest.update(f"{marker.relative_to(ROOT)}:{marker.stat().st_mtime_ns}".encode())
    cached = CACHE / f"static-{digest.hexdigest()[:12]}"
    if not cached.exists():
        for old in CACHE.glob("static-*"):
            shutil.rmtree(old)
        manage(env, "collectstatic", "--no-input")
        CACHE.mkdir(exist_ok=True)
        shutil.move(workdir / "static", cached)
    (workdir / "static").symlink_to(cached)


def median_or_none(values):
    """The median of the known values; None if no round knew one."""
    known = [value for value in values if value is not None]
    return statistics.median(known) if known else None


def run(options):
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    processes = Processes()
    db = database(workdir)
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, interrupt)
    try:
        return measure(options, workdir, processes, db)
    except Interrupted as stop:
        log(f"interrupted ({stop}); cleaning up")
        return 130
    finally:
        processes.stop_all()
        db.drop()
        shutil.rmtree(workdir, ignore_errors=True)


def start_gunicorn(processes, env, port, workers, counts_dir, page_cache):
    """gunicorn with the production settings; the app's page cache on or off."""
    return processes.start(
        "gunicorn",
        [
            VENV_BIN / "gunicorn",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--timeout",
            "60",
            "--preload",
            "--no-control-socket",
            "--log-level",
            "warning",
            "--config",
            "python:bench.gunicorn_conf",
        ],
        workdir_log(env, "gunicorn-cached.log" if page_cache else "gunicorn.log"),
        cwd=ROOT,
        env={
            **env,
            "BENCH_COUNTS": str(counts_dir),
            "PORTAL_PAGE_CACHE": "true" if page_cache else "false",
        },
    )


def workdir_log(env, name):
    return Path(env["PORTAL_DATA_DIR"]) / name


def served_from_the_page_cache(url):
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 – loopback
        return response.headers.get("X-Page-Cache") == "HIT"


def measure_cached(options, processes, env, port, rows, counts_dir, uncached):
    """The same URLs with the app's page cache on: CPU ms of a hit (None: not cacheable)."""
    processes.stop(uncached)
    gunicorn = start_gunicorn(processes, env, port, options.workers, counts_dir, page_cache=True)
    base = f"http://127.0.0.1:{port}"
    wait_for_http(f"{base}/-/health/live/")
    pids = worker_pids(gunicorn.pid)
    for row in rows:
        wrk(base + row["url"], 1, options.workers)
        settled(pids, counts_dir)
    cacheable = [row for row in rows if served_from_the_page_cache(base + row["url"])]
    log(f"page cache: {len(cacheable)} of {len(rows)} URLs served from it")
    rounds = [
        load_round(base, cacheable, gunicorn.pid, counts_dir, options.duration, options.connections)
        for _ in range(options.rounds)
    ]
    return {
        row["url"]: statistics.median(measured[row["url"]]["cpu_ms"] for measured in rounds)
        for row in cacheable
    }


def measure(options, workdir, processes, db):
    port, redis_port = free_port(), free_port()
    env = django_env(workdir, db, port, redis_port)
    processes.start(
        "redis",
        [
            "redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            str(redis_port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        workdir / "redis.log",
    )
    wait_for_port(redis_port)
    key = build_key(options.scale, db.engine)
    build_seconds = prepare(db, env, workdir, key)
    started = time.perf_counter()
    manage(env, "setup_public_site")
    collect_static(env, workdir)
    log(f"public site and static files in {time.perf_counter() - started:.0f} s")
    probe_file = workdir / "urls.json"
    run_django(
        ["-m", "bench.probe", f"127.0.0.1:{port}", probe_file], env, PORTAL_PAGE_CACHE="false"
    )
    rows = json.loads(probe_file.read_text())
    counts_dir = workdir / "counts"
    counts_dir.mkdir()

    gunicorn = start_gunicorn(processes, env, port, options.workers, counts_dir, page_cache=False)
    base = f"http://127.0.0.1:{port}"
    wait_for_http(f"{base}/-/health/live/")
    home = next(row["url"] for row in rows if row["label"] == "home de")
    first = timed_get(base + home)
    log(f"gunicorn ({options.workers} sync workers) on {base}; first request {first:.0f} ms")
    pids = worker_pids(gunicorn.pid)
    for row in rows:  # warm-up: every worker has served every URL
        wrk(base + row["url"], 1, options.workers)
        settled(pids, counts_dir)
    warm = statistics.median(timed_get(base + home) for _ in range(20))

    rounds = []
    for number in range(1, options.rounds + 1):
        log(f"round {number}/{options.rounds}: {len(rows)} URLs × {options.duration} s")
        rounds.append(
            load_round(base, rows, gunicorn.pid, counts_dir, options.duration, options.connections)
        )
    rss = [rss_mb(pid) for pid in worker_pids(gunicorn.pid)]
    cached = measure_cached(options, processes, env, port, rows, counts_dir, gunicorn)

    results = []
    for row in rows:
        runs = [measured[row["url"]] for measured in rounds]
        results.append(
            Result(
                label=row["label"],
                kind=row["kind"],
                url=row["url"],
                queries=row["queries"],
                cpu_ms=statistics.median(r["cpu_ms"] for r in runs),
                rps=statistics.median(r["rps"] for r in runs),
                p50=median_or_none(r["p50"] for r in runs),
                p99=median_or_none(r["p99"] for r in runs),
                errors=sum(r["errors"] for r in runs),
                cached_cpu_ms=cached.get(row["url"]),
            )
        )
    context = {
        "database": db.engine,
        "scale": options.scale,
        "rounds": options.rounds,
        "duration": options.duration,
        "connections": options.connections,
        "workers": options.workers,
        "cpus": os.cpu_count(),
        "build_seconds": build_seconds,
        "rss_mb": max(rss) if rss else 0.0,
        "first_ms": first,
        "warm_ms": warm,
    }
    report, met = render(results, context)
    print()
    print(report)
    CACHE.mkdir(exist_ok=True)
    (CACHE / f"report-{db.engine}-{options.scale}.md").write_text(report)
    raw = {"context": context, "results": [dataclasses.asdict(result) for result in results]}
    (CACHE / f"results-{db.engine}-{options.scale}.json").write_text(json.dumps(raw, indent=1))
    return 1 if options.strict and not met else 0


def clean():
    if CACHE.exists():
        shutil.rmtree(CACHE)
        log(f"removed {CACHE}")
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        PostgreSQL(url).drop_caches()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    options = commands.add_parser("run", help="build, serve and measure; print the table")
    options.add_argument("--scale", choices=["full", "small", "tiny"], default="full")
    options.add_argument("--rounds", type=int, default=4)
    options.add_argument("--duration", type=int, default=3, help="seconds of load per URL")
    options.add_argument("--connections", type=int, default=8)
    options.add_argument("--workers", type=int, default=2)
    options.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    commands.add_parser("clean", help="remove the cached portals")
    arguments = parser.parse_args()
    if arguments.command == "clean":
        clean()
        return 0
    return run(arguments)


if __name__ == "__main__":
    sys.exit(main())

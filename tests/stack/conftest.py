"""Tests against the running stack (`make test-stack`; README "Deployment tiers").

They talk HTTP to Varnish on 127.0.0.1:8080 as a visitor would, inject faults by stopping a
service from its pid file in .stack/run/ and start it again with `stack/stack.py start`.
They never run in `make test`: marker `stack`, deselected by default, and skipped unless
PORTAL_STACK_TESTS=1.
"""

import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("stack_orchestrator", ROOT / "stack" / "stack.py")
stack = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(stack)

BASE = stack.PUBLIC_URL
FIGURES = stack.STATE / "test-figures.json"


def pytest_collection_modifyitems(config, items):
    if os.environ.get("PORTAL_STACK_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="needs the running stack: make test-stack")
    for item in items:
        if "stack" in item.keywords:
            item.add_marker(skip)


def get(path, **kwargs):
    kwargs.setdefault("timeout", 15)
    kwargs.setdefault("allow_redirects", False)
    return requests.get(BASE + path, **kwargs)


def pid(name):
    return stack.running_pid(name)


def kill(name, sig=signal.SIGKILL):
    """The fault: the service's process (and its workers: its process group) is stopped."""
    service_pid = pid(name)
    assert service_pid, f"{name} is not running"
    if sig == signal.SIGKILL:
        os.killpg(service_pid, sig)
    else:
        os.kill(service_pid, sig)
    deadline = time.monotonic() + 30
    while pid(name) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not pid(name), f"{name} still runs"


def start(name):
    subprocess.run(  # noqa: S603 – fixed command line
        [sys.executable, str(ROOT / "stack" / "stack.py"), "start", name],
        check=True,
        cwd=ROOT,
        capture_output=True,
        timeout=180,
    )
    assert pid(name), f"{name} did not start"


def wait_until(condition, timeout=60, interval=0.25):
    """Seconds until condition() is true; fails after timeout."""
    started = time.monotonic()
    last = None
    while time.monotonic() - started < timeout:
        try:
            last = condition()
        except requests.RequestException as error:
            last = error
        if last is True:
            return round(time.monotonic() - started, 2)
        time.sleep(interval)
    raise AssertionError(f"not reached within {timeout} s (last: {last!r})")


def manage(*args, stdin=None):
    """manage.py with the stack's production environment (the running stack's database)."""
    result = subprocess.run(  # noqa: S603 – fixed command line
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=stack.django_env(),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def shell(code):
    return manage("shell", "--no-imports", "-c", code)


def record(name, value):
    """Keep a measured figure (load run, recovery times) in .stack/test-figures.json."""
    figures = json.loads(FIGURES.read_text()) if FIGURES.exists() else {}
    figures[name] = value
    FIGURES.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")


def health_details():
    token = stack.secret("health_token", 24)
    return get("/-/health/", headers={"X-Health-Token": token})


@pytest.fixture(scope="session")
def editor():
    """A Redaktion account on the stack (the second factor is for Freigabe/Administration)."""
    password = stack.secret("test_editor_password", 24)
    shell(
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.auth.models import Group\n"
        "User = get_user_model()\n"
        "user, _ = User.objects.get_or_create(username='stack-redaktion', "
        "defaults={'email': 'stack-redaktion@localhost'})\n"
        f"user.set_password({password!r}); user.is_active = True; user.save()\n"
        "user.groups.add(Group.objects.get(name='Redaktion'))\n"
    )
    return {"username": "stack-redaktion", "password": password}


def csrf_token(html):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "no CSRF token in the form"
    return match.group(1)


@pytest.fixture
def editor_session(editor):
    session = requests.Session()
    login = session.get(BASE + "/admin/login/", timeout=15)
    response = session.post(
        BASE + "/admin/login/",
        data={**editor, "csrfmiddlewaretoken": csrf_token(login.text), "next": "/admin/"},
        headers={"Referer": BASE + "/admin/login/"},
        timeout=15,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]
    return session

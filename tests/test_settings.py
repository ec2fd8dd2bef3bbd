"""Production settings: secrets only from the environment, and `check --deploy` clean."""

import pytest

from tests.helpers import PRODUCTION_ENV, manage


def test_production_settings_pass_check_deploy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("key", "message"),
    [
        (None, "DJANGO_SECRET_KEY must be set"),
        ("", "DJANGO_SECRET_KEY must be set"),
        ("django-insecure-development-only-never-in-production-at-all", "development or weak"),
        ("too-short", "development or weak"),
    ],
)
def test_production_refuses_to_start_without_a_real_secret_key(key, message):
    env = dict(PRODUCTION_ENV)
    if key is None:
        del env["DJANGO_SECRET_KEY"]
    else:
        env["DJANGO_SECRET_KEY"] = key
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


@pytest.mark.parametrize("variable", ["DATABASE_URL", "ALLOWED_HOSTS", "REDIS_URL"])
def test_production_names_each_missing_variable(variable):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != variable}
    result = manage("check", **env)
    assert result.returncode != 0
    assert f"{variable} must be set" in result.stderr


def test_demo_accounts_are_never_created_in_production():
    result = manage("create_demo_accounts", **PRODUCTION_ENV)
    assert result.returncode != 0
    assert "only runs with DEBUG on" in result.stderr

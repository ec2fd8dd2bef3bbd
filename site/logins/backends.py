"""django-axes' backend, first in AUTHENTICATION_BACKENDS."""

from axes.backends import AxesBackend


class PortalAxesBackend(AxesBackend):
    """Refuses a locked-out login before any later backend runs the password hasher.

    It authenticates nobody itself (Django's ModelBackend, next in the list, does); it is a
    ModelBackend too, for code that takes the first backend to load users and permissions
    (Wagtail's page test utilities, sessions created by `Client.force_login`).

    Axes raises when `authenticate()` is called without a request; every login form of the
    portal (admin, front-end login) passes one. Calls without a request (`Client.login()` in
    tests, shell scripts) come from no visitor: they are left to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

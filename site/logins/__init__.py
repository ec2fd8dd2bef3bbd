"""Logins: throttling and lockout (django-axes, django-ratelimit), second factor (django-otp)."""

"""Settings shared by every tier. Values that differ per deployment come from the environment.

One module, longer than the others on purpose: Django reads settings top to bottom, and
settings split over files hide which value wins. Each block says what it is for.
"""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path(os.environ.get("PORTAL_DATA_DIR", PROJECT_DIR.parent))


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty strings."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "portal",
    "home",
    "partners",
    "downloads",
    "press",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_honeypot",
    "django_ratelimit",
    "wagtail.api.v3",
    # django-ninja's own static files: the API docs then load Swagger UI from the portal,
    # not from a CDN (the Content-Security-Policy allows no third party).
    "ninja",
    "wagtail.contrib.forms",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Translations of "vor 5 Minuten" in the admin's workflow status (Wagtail uses naturaltime).
    "django.contrib.humanize",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.NonApiLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Wagtail's site of the request and its root paths, from memory (`portal.site_lookup`).
    "portal.site_lookup.KnownSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Inside the messages: says how an approval ended (`portal.editorial.feedback`).
    "portal.editorial.feedback.WorkflowFeedbackMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# portal.urls plus /-/health/, media renditions and the 500 handler (portal/ops_urls.py).
ROOT_URLCONF = "portal.ops_urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.content_cache.template_context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the source language, English its translation.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# Content languages are named in the admin's language ("Übersetzung … in Englisch"); the
# language choices (LANGUAGES) keep each language's own name.
WAGTAIL_CONTENT_LANGUAGES = [("de", gettext_lazy("Deutsch")), ("en", gettext_lazy("Englisch"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

# New translations stay drafts until they are translated and approved.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation pre-fills a translation for the translator to review (it is never
# published without approval); off unless a DeepL key is configured. Keys ending in ":fx"
# use DeepL's free API.
if os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"], "TIMEOUT": 10},
    }

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
# Files browsers ask for at the site's root (/favicon.ico), served by WhiteNoise.
WHITENOISE_ROOT = PROJECT_DIR / "static_root"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# The largest body the portal reads into memory, files not counted (they stream to disk and
# are bounded by WAGTAILDOCS_/WAGTAILIMAGES_MAX_UPLOAD_SIZE). The public forms send a few
# kilobytes; the biggest bodies are admin edits of long pages and API writes. A larger
# body is refused with 400 before it is parsed. The proxy caps every body before Django
# (`client_max_body_size`, README "Deployment tiers").
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

WAGTAIL_SITE_NAME = "chancen.nrw"
WAGTAILADMIN_USER_LOGIN_FORM = "portal.logins.views.LoginForm"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "portal.PortalImage"
WAGTAILDOCS_DOCUMENT_MODEL = "downloads.PortalDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "downloads.forms.PortalDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Wagtail's database search, tuned per database (search/backends/); OpenSearch: see README.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's full-text search, each text stemmed by its language's rules: German
    # "Partnern" finds "Partner", English "partners" finds "partner".
    INSTALLED_APPS.append("django.contrib.postgres")
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "german"
    WAGTAILSEARCH_BACKENDS["default"]["LANGUAGE_CONFIGS"] = {"de": "german", "en": "english"}

# No requests to third parties from the admin either (GDPR): no Gravatar, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}

# Renditions get their own cache, so listings with many images don't push out the rest.
# "content" keeps what pages derive from the published content (`portal.content_cache`): it
# must be shared by every process that changes or serves content – here the server and the
# scheduler of the embedded default, so files; production: Redis.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    "content": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": BASE_DIR / ".cache" / "content",
        "TIMEOUT": 24 * 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}

# Form spam protection: wagtail-honeypot's hidden field and minimum fill-in time, and
# django-ratelimit's per-address limit on form submissions.
HONEYPOT_ENABLED_DEFAULT = True
# The seed content (`manage.py load_seed_content`, `portal.seed`): each section's steps, in
# order – contact persons before the pages whose sidebars name them, and so on.
PORTAL_SEED_STEPS = [
    "home.seed.pages.seed_content_pages",
    "home.seed.publisher.seed_publisher",
    "home.seed.contact.seed_contact_persons",
    "downloads.seed.seed_downloads",
    "partners.seed.seed_partners",
    "press.seed.seed_press",
    "home.seed.legal.seed_legal_pages",
    "home.seed.home_blocks.seed_home_blocks",
]

PORTAL_FORM_RATE = os.environ.get("PORTAL_FORM_RATE", "5/m")
# How many proxies in front of the app append the client's address to X-Forwarded-For (the
# TLS proxy: 1). 0 trusts no header: REMOTE_ADDR is the client. Every `key="ip"` of
# django-ratelimit uses the address `portal.logins.ip.client_ip` derives from it.
PORTAL_TRUSTED_PROXY_COUNT = int(os.environ.get("PORTAL_TRUSTED_PROXY_COUNT", "0"))
RATELIMIT_IP_META_KEY = "portal.logins.ip.client_ip"
# Days after which form submissions are deleted by `purge_form_submissions`.
PORTAL_FORM_RETENTION_DAYS = int(os.environ.get("PORTAL_FORM_RETENTION_DAYS", "90"))

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Editorial workflow "Redaktionelle Freigabe" (portal/editorial/): an approval publishes through
# this action, so any publish that skipped approval can be recognised and recorded.
WAGTAIL_FINISH_WORKFLOW_ACTION = "portal.editorial.finish.publish_approved_workflow_state"
# Submissions are announced to the approvers (group Freigabe), not to every superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# The scheduler (`manage.py run_scheduler`) publishes and expires content every this many seconds.
PORTAL_SCHEDULER_INTERVAL = int(os.environ.get("PORTAL_SCHEDULER_INTERVAL", "30"))

EMAIL_TIMEOUT = 10
# Mails go out after the commit as a task (`portal.mail_delivery`): tries per mail, and the
# wait before the n-th retry (n × this many seconds).
PORTAL_MAIL_ATTEMPTS = int(os.environ.get("PORTAL_MAIL_ATTEMPTS", "3"))
PORTAL_MAIL_RETRY_SECONDS = float(os.environ.get("PORTAL_MAIL_RETRY_SECONDS", "1"))

# The editors' handbook, shown in the admin under Hilfe (portal.handbook): Markdown and
# screenshots in the repository, not in the installed package.
PORTAL_HANDBOOK_DIR = Path(
    os.environ.get("PORTAL_HANDBOOK_DIR", PROJECT_DIR.parent / "docs" / "handbuch")
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "chancen.nrw <noreply@chancen.nrw.de>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("LOG_LEVEL_WAGTAIL", "WARNING")},
    },
}

# API: Wagtail's API v3 under /api/v3/ plus the portal's routers (portal/api/).
INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.api.v3"), "corsheaders")
# CORS before anything that may answer; then the API middleware, which keeps every answer
# under /api/ JSON, bounded and cached by who asks.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "corsheaders.middleware.CorsMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("corsheaders.middleware.CorsMiddleware") + 1,
    "portal.api.middleware.ApiMiddleware",
)
# ETags and 304s for every GET that may be cached (pages, feeds, API), after the API's
# Cache-Control is set: Django's own middleware, not by hand.
MIDDLEWARE.insert(
    MIDDLEWARE.index("portal.api.middleware.ApiMiddleware"),
    "django.middleware.http.ConditionalGetMiddleware",
)
# The HTTP cache (portal.http_cache): anonymous answers anyone may see are marked for shared
# caches and kept until a change purges them; the app keeps its own copy (cache "pages") where
# PORTAL_PAGE_CACHE is on (production: on; Varnish or a CDN in front may make it redundant).
PORTAL_SHARED_CACHE_SECONDS = int(os.environ.get("PORTAL_SHARED_CACHE_SECONDS", "86400"))
PORTAL_PAGE_CACHE = os.environ.get("PORTAL_PAGE_CACHE", "false").lower() == "true"
PORTAL_PAGE_CACHE_ALIAS = "pages"
# Compile the templates and load the catalogues when the server starts, not in its first
# requests (`portal.warmup`, from portal/wsgi.py): on in production.
PORTAL_WARM_UP = False
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
# The page cache answers before anything else (a hit costs two cache reads) but after
# WhiteNoise and CORS; inside it the ETag middleware, so stored answers keep their ETag.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.http.ConditionalGetMiddleware"),
    "portal.http_cache.page_cache.PageCacheMiddleware",
)
# Outside the session and CSRF middleware: it sees the cookies they set.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "portal.http_cache.policy.CacheControlMiddleware",
)
# Purges name each address once (portal.http_cache.dependents knows both languages).
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Front ends on other origins that may call the API from the browser, e.g.
# "https://app.example.de,https://partner.example.org"; none by default.
CORS_ALLOWED_ORIGINS = env_list("PORTAL_CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# Rich text as display HTML with resolved links; `?rich_text_format=` chooses another format.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL") or None
# Wagtail's switch for the interactive docs (/api/v3/docs/); the portal keeps the OpenAPI
# schema published either way (portal.api.mount).
WAGTAILAPI_DOCS_ENABLED = os.environ.get("PORTAL_API_DOCS", "true").lower() == "true"
# Anonymous answers may be cached this long by browsers and proxies.
PORTAL_API_CACHE_SECONDS = int(os.environ.get("PORTAL_API_CACHE_SECONDS", "60"))
# Headless preview links expire after this many seconds.
PORTAL_API_PREVIEW_MAX_AGE = int(os.environ.get("PORTAL_API_PREVIEW_MAX_AGE", "600"))
# Where the admin's "Headless-Vorschau" sends editors: the front end's preview route, which
# receives `?token=…`; without one, the API's own preview answer is shown.
PORTAL_HEADLESS_PREVIEW_URL = os.environ.get("PORTAL_HEADLESS_PREVIEW_URL", "")

# Logins (README "Logins and second factor"). django-axes locks a username from one client
# address after PORTAL_LOGIN_FAILURE_LIMIT wrong passwords for PORTAL_LOGIN_COOLOFF_MINUTES;
# its backend comes first and refuses before the password hasher runs. The client address
# is the one the form rate limits use (`portal.logins.ip.client_ip`, PORTAL_TRUSTED_PROXY_COUNT).
INSTALLED_APPS += [
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
AUTHENTICATION_BACKENDS = [
    "portal.logins.backends.PortalAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("PORTAL_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("PORTAL_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "portal.logins.ip.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.logins.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Access logs would record every successful login with address and browser; failures suffice.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# Every login and password-reset POST per client address (django-ratelimit): bounds the
# hashing one address causes, whichever usernames it tries, and the reset mails it triggers.
PORTAL_LOGIN_RATE = os.environ.get("PORTAL_LOGIN_RATE", "10/m")
PORTAL_PASSWORD_RESET_RATE = os.environ.get("PORTAL_PASSWORD_RESET_RATE", "5/h")
# The second factor (django-otp: TOTP app and recovery codes) is required for Freigabe and
# Administration when this is on; anyone may set it up, and whoever has it must use it.
PORTAL_REQUIRE_2FA = os.environ.get("PORTAL_REQUIRE_2FA", "true").lower() == "true"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
    "portal.logins.twofactor.SecondFactorMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("portal.logins.twofactor.SecondFactorMiddleware") + 1,
    "portal.logins.lockout.LoginThrottleMiddleware",
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
# Database or object store away: the 503 maintenance page, not a 500 (portal/maintenance.py).
# Innermost, so its answer to a view's error comes before the API's generic 500.
MIDDLEWARE.append("portal.maintenance.MaintenanceMiddleware")

# Security headers (README "Security headers"). The public site: only the portal's own
# origin, no inline script or style, no framing, no plugins. The admin (Wagtail needs inline
# scripts and style attributes): the portal's own origin too, framed only by itself (preview).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "django_permissions_policy.PermissionsPolicyMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_permissions_policy.PermissionsPolicyMiddleware") + 1,
    "portal.security_headers.PortalCSPMiddleware",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
PORTAL_ADMIN_CSP_PREFIXES = ["/admin/"]
PORTAL_ADMIN_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "media-src": ["'self'", "blob:"],
    "frame-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Browser features the portal never uses are switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"

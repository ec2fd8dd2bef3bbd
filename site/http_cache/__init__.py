"""The HTTP cache: what anyone may be served from a shared cache, and keeping it fresh.

- `policy`: which answers are shared (`Cache-Control: public, max-age=0, s-maxage=…`): anonymous
  GETs of pages, listings, feeds, the sitemap and the API; never an answer for someone logged
  in, one that sets a cookie (a form's CSRF token, a session) or a preview.
- `page_cache`: the app's own cache of those answers (Django's cache framework, Redis in
  production) for the tiers without Varnish in front.
- `dependents`: which addresses show a changed page, snippet, setting, document or image.
- `purging`: after the change is committed, those addresses leave the app's cache and every
  frontend cache configured for Wagtail (Varnish in the stack, or a CDN).
"""

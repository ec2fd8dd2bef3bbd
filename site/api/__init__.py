"""The portal's headless API: Wagtail's API v3 plus what front ends need beyond it.

Wagtail mounts `/api/v3/` (pages, images, documents, …); `mount` adds the portal's own
routers (path resolution, contact persons, locales, headless preview) and those the
sections register through the `register_api_router` hook (partners, press releases,
search). The middleware keeps every API answer JSON, bounded and cacheable, its guards
refuse the inputs stock Wagtail answers with a 500. What page models and the sections'
endpoints share (schemas, representations, fields, pagination) is in `portal.api_common`.
"""

"""The portal's headless API: Wagtail's API v3 plus what front ends need beyond it.

Wagtail mounts `/api/v3/` (pages, images, documents, …); this package adds the routers
for path resolution, partners, contact persons, press releases, locales and headless
preview (`routers`), typed representations of images, documents and links (`schemas`,
`representations`, `serializers`), and the middleware that keeps every API answer JSON,
bounded and cacheable (`middleware`). `portal.apps.PortalConfig.ready()` attaches it.
"""

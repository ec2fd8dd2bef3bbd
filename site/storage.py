"""Media on S3-compatible object storage, with addresses on the portal's own host.

The bucket is private: no object in it is readable without the portal's credentials.
Files reach visitors through the portal instead (README "Deployment tiers"):

- image renditions (`images/…`) through `portal.media.serve_rendition` under MEDIA_URL,
  cached by the HTTP cache in front (Varnish, a CDN);
- documents through Wagtail's serve view (`WAGTAILDOCS_SERVE_METHOD = "serve_view"`), which
  checks the collection's privacy – "Zur Freigabe" included – before it streams the file;
- original images are never served.

So `url()` names the portal's address, never the bucket's, and a file's address is the same
whichever object store is behind it.
"""

from urllib.parse import quote

from django.conf import settings

from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class PortalS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + quote(clean_name(name))

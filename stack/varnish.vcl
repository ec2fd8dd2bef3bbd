vcl 4.1;
# Varnish of `make stack` (rendered by stack/stack.py into .stack/conf/varnish.vcl): the HTTP
# cache in front of nginx, the stand-in for the CDN a ministry puts in front of the portal.
#  - caches only what anyone may see: never a request with a session or CSRF cookie or an
#    Authorization header, never a response that sets a cookie or is private;
#  - X-Cache: HIT or MISS on every answer;
#  - PURGE (one URL) and BAN (a URL regex) from loopback: Wagtail's frontend-cache
#    HTTPBackend purges the pages it publishes (PORTAL_FRONTEND_CACHE_URL);
#  - brotli: a second copy of each page, brotli-compressed by nginx, for clients that accept
#    it (Varnish itself only knows gzip and asks its backend for gzip unless told otherwise);
#  - grace: a cached page whose time is up is served while a fresh copy is fetched, and kept
#    when the fetch fails (database or app servers down): visitors get the last good copy.
import std;

backend nginx {
    .host = "127.0.0.1";
    .port = "${port_nginx}";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Varnish is the edge on loopback: no TLS in front. Behind a TLS terminator, keep its value.
    set req.http.X-Forwarded-Proto = "http";
    # Read before Varnish rewrites Accept-Encoding to "gzip" (after vcl_recv).
    if (req.http.Accept-Encoding ~ "(^|[ ,])br($|[ ,;])") {
        set req.http.X-Brotli = "1";
    } else {
        unset req.http.X-Brotli;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Every copy of the URL: the brotli copy lives under its own hash, which a plain
        # `return (purge)` from a purger that does not accept brotli would miss. An address
        # without query string takes its query variants with it (the archive's `?thema=`,
        # the search's `?q=`), as the app's own page cache does (portal.http_cache).
        if (req.url ~ "^[A-Za-z0-9/._~%-]*$") {
            if (std.ban("obj.http.x-url ~ ^" + req.url + "(\?|$)")) {
                return (synth(200, "Purged"));
            }
            return (synth(400, std.ban_error()));
        }
        if (std.ban("obj.http.x-url == " + req.url)) {
            return (synth(200, "Purged"));
        }
        return (synth(400, std.ban_error()));
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.x-url ~ " + req.url);
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Not cached: the admin, the health endpoint, documents (Wagtail's serve view checks
    # privacy and counts downloads), and anyone logged in or holding a form token.
    if (req.url ~ "^/(admin|-|documents)/" || req.http.Cookie ~ "(sessionid|csrftoken)=") {
        return (pass);
    }
    # Other cookies (analytics, language) do not change the page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    # One site: the URL alone names the page (purges carry the public host, visitors may not).
    hash_data(req.url);
    if (req.http.X-Brotli) {
        hash_data("br");
    }
    return (lookup);
}

sub vcl_backend_fetch {
    if (bereq.http.X-Brotli) {
        set bereq.http.Accept-Encoding = "br";
    }
    unset bereq.http.X-Brotli;
}

sub vcl_backend_response {
    set beresp.http.x-url = bereq.url;
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            # Keep serving the stale copy instead of the error.
            return (abandon);
        }
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (!beresp.http.Cache-Control ~ "max-age" && !beresp.http.Expires) {
        set beresp.ttl = ${page_ttl}s;
    }
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.x-url;
    unset resp.http.Via;
}

vcl 4.1;
# Varnish in front of STS Learn's gunicorn: the production recipe's HTTP cache.
#
# What it stores is decided by the site, never guessed here: only responses that say
# `Cache-Control: public, s-maxage=…` (public page views for anonymous visitors). Everything
# private (signed-in visitors, search, kits, documents, the admin) passes straight through.
# Wagtail purges changed pages (FRONTEND_CACHE_PURGE_URL pointing here): a PURGE of a path drops
# that page with every query-string variant of it (the course list's filters).
#
# deploy/serve-with-varnish.sh fills in BACKEND_HOST and BACKEND_PORT.

backend default {
    .host = "BACKEND_HOST";
    .port = "BACKEND_PORT";
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 60s;
    .probe = {
        .url = "/healthz/";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

# Only the app servers on this machine may purge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(403, "Purging is not allowed from here."));
        }
        ban("obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Tracking parameters change nothing on the page: one cached copy for every newsletter link.
    set req.url = regsuball(req.url, "(?i)([?&])(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=[^&]*", "\1");
    set req.url = regsuball(req.url, "&&+", "&");
    set req.url = regsub(req.url, "[?&]+$", "");
    set req.url = regsub(req.url, "\?&", "?");

    # Downloads stream from the app straight to the visitor, never stored here.
    if (req.url ~ "^/(documents|kits/download)/") {
        return (pipe);
    }
    # Signed-in visitors (the session cookie) always reach the app: their pages are their own.
    # So does a message for one visitor (e.g. "You have signed out"), once: the app deletes it.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Anonymous page views do not depend on cookies (the site sets none for them).
    if (req.url !~ "^/(admin|kits|search|_util)/") {
        unset req.http.Cookie;
    }
    return (hash);
}

sub vcl_pipe {
    set bereq.http.Connection = "close";
}

sub vcl_hash {
    # One site: the URL alone names a page, whatever host name the visitor typed.
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    # Remembered on each object so that a PURGE can drop every variant of a path.
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    # When the app is down, a page may be served up to an hour stale rather than not at all.
    if (beresp.ttl > 0s) {
        set beresp.grace = 1h;
    }
}

sub vcl_deliver {
    unset resp.http.x-path;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}

"""gunicorn for STS Learn, as `make run` and the production recipe start it.

    gunicorn -c deploy/gunicorn.conf.py sts_learn.wsgi

Threaded workers: a slow client holds one thread, never a whole worker. Downloads (session kits,
documents) may take at most `threads - 8` threads per worker (DOWNLOAD_SLOTS), so eight are
always free for pages. gthread workers report to the arbiter from their main loop while requests
stream, so `timeout` replaces a hung worker but never cuts a download that is making progress.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "32"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
keepalive = 5
# Downloads never take the threads that pages need (read by the app's settings).
os.environ.setdefault("DOWNLOAD_SLOTS", str(max(threads - 8, 1)))
# One line per request on stdout; GUNICORN_ACCESS_LOG="" turns it off (benchmarks).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms'
# Varnish (deploy/varnish.vcl) sits on the same machine and sets X-Forwarded-For.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

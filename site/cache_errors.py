"""Log a broken cache once a minute per process, not on every cache call.

django-redis (production settings, `IGNORE_EXCEPTIONS`) turns every Redis error into a cache
miss and logs it to the logger `portal.cache_errors`; a page makes dozens of cache calls, so
an outage would write thousands of tracebacks. This filter lets the first record through with
a plain explanation and drops the rest for a minute.
"""

import logging
import threading
import time

MESSAGE = (
    "Redis is unreachable: cache reads are misses, writes are dropped, rate limits are open "
    "(repeated at most once a minute per process while it lasts)"
)


class OnceAMinute(logging.Filter):
    interval = 60.0

    def __init__(self, name=""):
        super().__init__(name)
        self._last = float("-inf")
        self._lock = threading.Lock()

    def filter(self, record):
        now = time.monotonic()
        with self._lock:
            if now - self._last < self.interval:
                return False
            self._last = now
        error = record.exc_info[1] if record.exc_info else None
        record.msg = f"{MESSAGE}: {type(error).__name__}: {error}" if error else MESSAGE
        record.args = ()
        record.exc_info = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True

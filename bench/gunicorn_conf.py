"""gunicorn hooks of the benchmark: each worker counts the requests it finished.

The count goes into `$BENCH_COUNTS/<pid>` (eight bytes, overwritten in place: a few
microseconds a request), so `bench/bench.py` divides the workers' CPU time by the requests
they actually served, including those still queued when wrk stopped.
"""

import os
import struct

counts = {}


def post_fork(server, worker):
    path = os.path.join(os.environ["BENCH_COUNTS"], str(os.getpid()))
    counts["fd"] = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    counts["n"] = 0


def post_request(worker, req, environ, resp):
    counts["n"] += 1
    os.pwrite(counts["fd"], struct.pack("q", counts["n"]), 0)

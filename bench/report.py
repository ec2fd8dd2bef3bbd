"""The table `make bench` prints, and the targets of issue 13 it checks.

Targets are ratios to the constant-response view measured by the same workers in the same
run, so they hold on any machine: server CPU time per request of a page divided by that of
the reference. Feeds, the sitemap and document downloads are held to the HTML pages' budget.
"""

from dataclasses import dataclass

TARGETS = {"html": 20.0, "api": 12.0, "other": 20.0}
CACHED_TARGET = 2.0
RSS_TARGET_MB = 150.0
FIRST_REQUEST_TARGET = 2.0


@dataclass
class Result:
    label: str
    kind: str  # "reference", "html", "api" or "other"
    url: str
    queries: int
    cpu_ms: float
    rps: float
    p50: float | None  # None: no request finished within wrk's window
    p99: float | None
    errors: int = 0
    cached_cpu_ms: float | None = None  # None: the portal has no app-level cache to hit


def mark(ok):
    return "✓" if ok else "✗"


def ratio(value, reference):
    return value / reference if reference > 0 else float("inf")


def milliseconds(value):
    """A latency; "–" when no request finished within wrk's window (`bench.bench`)."""
    if value is None:
        return "–"
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def row(result, reference):
    times = ratio(result.cpu_ms, reference.cpu_ms)
    if result.kind == "reference":
        target, met = "–", None
    else:
        limit = TARGETS[result.kind]
        target = f"≤ {limit:g}×"
        met = times <= limit and not result.errors
    if result.cached_cpu_ms is None:
        cached = "–"
    else:
        cached_times = ratio(result.cached_cpu_ms, reference.cpu_ms)
        cached = f"{cached_times:.1f}×"
        if met is not None:
            met = met and cached_times <= CACHED_TARGET
    check = "" if met is None else mark(met)
    if result.errors:
        check += f" ({result.errors} errors)"
    cells = [
        result.label,
        str(result.queries),
        f"{result.cpu_ms:.1f}" if result.cpu_ms >= 1 else f"{result.cpu_ms:.2f}",
        f"{times:.1f}×",
        f"{result.rps:.0f}" if result.rps >= 1 else f"{result.rps:.2f}",
        milliseconds(result.p50),
        milliseconds(result.p99),
        cached,
        target,
        check,
    ]
    return "| " + " | ".join(cells) + " |", met


HEADER = (
    "| Page | Queries | CPU ms | × ref | req/s | p50 ms | p99 ms | cached × | Target | Met |\n"
    "|---|--:|--:|--:|--:|--:|--:|--:|--|:-:|"
)


def render(results, context):
    """The markdown report and whether every target was met."""
    reference = next(result for result in results if result.kind == "reference")
    lines, checks = [], []
    built = context.get("build_seconds")
    lines.append(
        f"**make bench** – {context['database']}, scale {context['scale']}, gunicorn "
        f"{context['workers']} sync workers, wrk {context['connections']} connections, "
        f"median of {context['rounds']} rounds × {context['duration']} s per URL, "
        f"{context['cpus']} CPUs; portal "
        + (f"built in {built:.0f} s" if built else "copied from the cache")
        + "."
    )
    lines += ["", HEADER]
    for result in results:
        text, met = row(result, reference)
        lines.append(text)
        if met is not None:
            checks.append(met)
    rss_ok = context["rss_mb"] <= RSS_TARGET_MB
    first_ratio = ratio(context["first_ms"], context["warm_ms"])
    first_ok = first_ratio <= FIRST_REQUEST_TARGET
    checks += [rss_ok, first_ok]
    lines += [
        "",
        f"- Worker RSS after the run: {context['rss_mb']:.0f} MB (target ≤ "
        f"{RSS_TARGET_MB:.0f} MB) {mark(rss_ok)}",
        f"- First request after the start: {context['first_ms']:.0f} ms, warm "
        f"{context['warm_ms']:.0f} ms: {first_ratio:.1f}× (target ≤ "
        f"{FIRST_REQUEST_TARGET:g}×) {mark(first_ok)}",
    ]
    if any(result.p50 is None for result in results):
        lines.append(
            "- p50/p99 –: no request finished within the window of wrk; req/s and CPU ms "
            "come from the requests the workers served until they were idle again."
        )
    lines.append(
        f"- cached ×: a hit in the app's page cache (target ≤ {CACHED_TARGET:g}×, part of "
        "Met); – where the answer is never shared (documents, forms)."
    )
    lines.append(f"- Targets met: {sum(checks)} of {len(checks)}.")
    return "\n".join(lines), all(checks)

"""Bar charts as plain geometry for inline SVG: no JavaScript, no chart library, no request."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.formats import date_format


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    label: str  # "Nov." – the month, short
    title: str  # "November 2026: 12" – what a screen reader or tooltip says

    @property
    def center(self):
        return round(self.x + self.width / 2, 2)


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    baseline: float
    bars: list[Bar]
    maximum: int

    @property
    def is_empty(self):
        return self.maximum == 0

    @property
    def description(self):
        return ", ".join(bar.title for bar in self.bars)


def last_months(count=12, today=None):
    """The first days of the last `count` months, oldest first, the current month last."""
    month = (today or date.today()).replace(day=1)
    months = []
    for _ in range(count):
        months.append(month)
        month = (month - timedelta(days=1)).replace(day=1)
    return months[::-1]


def monthly_bar_chart(series, width=640, height=200, top_space=16, label_space=36, gap=0.25):
    """Bars for [(month, value), …]; the tallest bar fills the height between the margins."""
    baseline = height - label_space
    maximum = max((value for _, value in series), default=0)
    slot = width / max(len(series), 1)
    bars = []
    for index, (month, value) in enumerate(series):
        bar_height = (baseline - top_space) * value / maximum if maximum else 0
        bars.append(
            Bar(
                x=round(index * slot + slot * gap / 2, 2),
                y=round(baseline - bar_height, 2),
                width=round(slot * (1 - gap), 2),
                height=round(bar_height, 2),
                value=value,
                label=date_format(month, "M"),
                title=f"{date_format(month, 'F Y')}: {value}",
            )
        )
    return BarChart(width=width, height=height, baseline=baseline, bars=bars, maximum=maximum)


def sparkline(series, width=96, height=24):
    """A tiny bar chart without labels, for one row of a table."""
    return monthly_bar_chart(
        series, width=width, height=height, top_space=2, label_space=0, gap=0.3
    )

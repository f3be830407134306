"""Journalist outreach: topic sheets and their checker, guards, the media log's good-client
record, readiness and the visibility plan. Pure rules (see each module's SOURCE)."""

from workbook.domain.press.guards import (
    Guard,
    PitchPolicy,
    entry_guards,
    off_record_guard,
    outreach_guard,
    reread_guard,
)
from workbook.domain.press.log import (
    CALLBACK_TARGET_MINUTES,
    KINDS,
    MEDIA,
    GoodClientRecord,
    LogEntry,
    entry_problems,
    good_client_record,
    quotes_by_month,
    records_by_journalist,
)
from workbook.domain.press.plan import (
    CHANNELS,
    PREP_MINUTES,
    PlanItem,
    PressSettings,
    is_stale,
    plan_events,
    readiness_codes,
    suggest_plan,
)
from workbook.domain.press.sheets import (
    FINDING_CODES,
    MAX_POINTS,
    Finding,
    KeyPoint,
    TopicSheet,
    check_sheet,
    is_ready,
)

__all__ = [
    "CALLBACK_TARGET_MINUTES", "CHANNELS", "FINDING_CODES", "KINDS", "MAX_POINTS", "MEDIA",
    "PREP_MINUTES", "Finding", "GoodClientRecord", "Guard", "KeyPoint", "LogEntry",
    "PitchPolicy", "PlanItem", "PressSettings", "TopicSheet", "check_sheet", "entry_guards",
    "entry_problems", "good_client_record", "is_ready", "is_stale", "off_record_guard",
    "outreach_guard", "plan_events", "quotes_by_month", "readiness_codes",
    "records_by_journalist", "reread_guard", "suggest_plan",
]

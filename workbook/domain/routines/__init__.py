"""Maintain versus expand: cadences, who is due, 3B7 follow-ups, time budget, weekly plan.

Method, step 4 (docs/architecture.md): two obligations — keep the existing network alive and keep
adding new connections; a network decays (people move, retire, vanish); keeping up takes little time
when organised (year-end greeting cards, a few lunches and breakfasts).

Frames taken by these rules (the store builds them):

* contacts: ``contact_id`` int, ``full_name`` str, ``layer`` str (see vocabulary.LAYERS),
  ``cadence_days`` Int64 (per-contact override, <NA> if none), ``birthday`` str|None
  (``MM-DD`` or ``YYYY-MM-DD``), ``connected_on`` datetime64 (NaT if unknown),
  ``organisation_id`` Int64, ``organisation`` str.
* interactions: ``interaction_id`` int, ``contact_id`` int, ``occurred_on`` datetime64,
  ``kind`` str, ``direction`` str, ``purpose`` str ('maintain'/'expand'), ``notes`` str.
* outreach: ``outreach_id`` int, ``contact_id`` int, ``organisation_id`` Int64,
  ``sent_on`` datetime64, ``replied_on`` datetime64, ``followed_up_on`` datetime64.

One module per topic: `status` (who is due), `balance` (maintain vs expand), `settings`,
`followups` (3B7), `plan` (the weekly plan), `events` (the routine as calendar events).
Every rule returns codes and values; the UI and the commands translate them.
"""

from workbook.domain.calendar_rules import week_start  # noqa: F401
from workbook.domain.routines.balance import (  # noqa: F401
    DEFAULT_TOUCH_MINUTES,
    EXISTING_NETWORK_LAYERS,
    EXPANDING_LAYERS,
    NEW_CONNECTION_DAYS,
    PURPOSE_REASONS,
    TOUCH_MINUTES,
    PurposeSuggestion,
    actual_split,
    exchange_purposes,
    expanding_exchanges,
    expansion_touches,
    is_expansion,
    suggested_purpose,
    weekly_actuals,
    weeks_in_use,
)
from workbook.domain.routines.events import (  # noqa: F401
    RoutineEvent,
    first_weekday_of_month_from,
    next_weekday,
    routine_events,
)
from workbook.domain.routines.followups import (  # noqa: F401
    FOLLOW_UP_AFTER,
    TRY_ANOTHER_AFTER,
    three_b_seven,
)
from workbook.domain.routines.plan import (  # noqa: F401
    CARD_SEASON,
    EMPTY_NOTES,
    FIRST_CONTACT_MINUTES,
    FIRST_CONTACT_REASONS,
    MAX_FIRST_CONTACTS,
    MINUTES_PER_PLANNED_TOUCH,
    OPTIONAL_SECTIONS,
    PLAN_KINDS,
    PLAN_SECTIONS,
    REVIVE_AFTER_DAYS,
    PlanItem,
    WeekPlan,
    birthday_in_week,
    birthday_on,
    carried_out,
    distribute_new_people,
    done_keys,
    exchanges_a_plan_reads,
    first_contact_capacity,
    in_card_season,
    plan_sections,
    plan_weeks,
    section_empty_note,
    weekly_plan,
)
from workbook.domain.routines.records import (  # noqa: F401
    SKIP_REASONS,
    SkippedRow,
)
from workbook.domain.routines.settings import (  # noqa: F401
    CARD_LAYER_CHOICES,
    MAX_CARDS,
    MAX_NEW_PER_WEEK,
    MAX_WEEKLY_MINUTES,
    NUMBER_BOUNDS,
    SITUATIONS,
    SOURCES,
    RoutineSettings,
    parse_hhmm,
    read_number,
    regional_defaults,
    resolve_timezone,
    suggested_routine,
    valid_setting,
)
from workbook.domain.routines.status import (  # noqa: F401
    DEFAULT_CADENCE_DAYS,
    DRIFT_RATIO,
    LAYER_PRIORITY,
    SCHEDULED_LAYERS,
    STATUSES,
    cadence_days,
    cadence_for,
    drifting_list,
    due_list,
    due_status,
    layer_health,
    never_list,
    revive_list,
    stay_in_touch_clock,
    temperature_series,
    warmth,
    warmth_of,
)

"""The weekly plan's read of the people never in touch: just the columns the "whom to contact
next" ranking reads, aggregated in SQL (roles, last exchange, introductions to targets), so
that planning on 30,000 contacts does not build the network page's whole frame."""

from __future__ import annotations

import sqlite3

import pandas as pd

from workbook.store.schema import tuples

_NEVER_SQL = """
SELECT c.id, c.full_name, COALESCE(o.name, '') AS organisation, c.layer, c.tie_strength,
       c.mutual_connections,
       COALESCE(r.roles, '') AS roles,
       last.day AS last_contact,
       COALESCE(o.is_target, 0) AS at_target,
       COALESCE(x.targets, 0) AS introduces_to_target
FROM contacts c
LEFT JOIN organisations o ON o.id = c.organisation_id
LEFT JOIN (SELECT contact_id, group_concat(role, ' ') AS roles FROM contact_roles
           GROUP BY contact_id) r ON r.contact_id = c.id
LEFT JOIN (SELECT contact_id, MAX(occurred_on) AS day FROM interactions
           GROUP BY contact_id) last ON last.contact_id = c.id
LEFT JOIN (SELECT x.introducer_id, COUNT(DISTINCT x.organisation_id) AS targets
           FROM introductions x JOIN organisations ot ON ot.id = x.organisation_id
           WHERE ot.is_target = 1 GROUP BY x.introducer_id) x ON x.introducer_id = c.id
ORDER BY c.id
"""
_COLUMNS = ("id", "full_name", "organisation", "layer", "tie_strength", "mutual_connections",
            "roles", "last_contact", "at_target", "introduces_to_target")
_TEXT = ("full_name", "organisation", "layer", "roles")


def never_contacted_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """Contacts with no readable last exchange, with the columns of the contacts frame
    (`workbook.store.network.contacts_frame`) that `workbook.domain.network_ranking` reads:
    id, full_name, organisation, layer, tie_strength, mutual_connections, roles,
    last_contact (NaT), at_target, introduces_to_target — same values and types.

    "No readable last exchange" as the contacts frame decides it: the latest date stored
    (text order), read for every contact at once, unreadable ones counting as none."""
    rows = tuples(conn, _NEVER_SQL)
    last = pd.to_datetime(pd.Series([row[7] for row in rows], dtype="object"),
                          errors="coerce")
    never = last.isna().to_numpy()
    frame = pd.DataFrame.from_records([row for row, keep in zip(rows, never) if keep],
                                      columns=_COLUMNS)
    for column in _TEXT:
        frame[column] = frame[column].fillna("").astype(str)
    return frame.astype({"id": "int64", "tie_strength": "float64",
                         "mutual_connections": "float64", "at_target": "bool",
                         "introduces_to_target": "int64"}).assign(
        last_contact=pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]"))

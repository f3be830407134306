"""Which export a header row belongs to, and where each contact field sits in it.

Pure functions over a header row (a list of column names). Sources: the column names of
LinkedIn's "Connections.csv" (with and without `URL`), Google Contacts' CSV (the old
`Name,Given Name,…,E-mail 1 - Type` layout and the current `First Name,Middle Name,…,
E-mail 1 - Label` one, multi-values joined by ` ::: `, the primary one labelled `* …`),
Outlook's CSV in English and French, and the columns French users give their own sheets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbook.domain.names import fold

MULTI_SEPARATOR = " ::: "


def header_key(name: str) -> str:
    """A column name folded for comparison: "E-mail 1 - Value" → "e mail 1 value",
    "Société " → "societe", "full_name" → "full name"."""
    return fold((name or "").replace("_", " "))


# Generic sheets (French Excel, our own export): folded synonyms per contact field.
_GENERIC = {
    "full_name": ("full name", "name", "nom complet", "nom et prenom", "prenom et nom",
                  "prenom nom", "display name", "contact", "identite", "nom prenom"),
    "first_name": ("first name", "firstname", "given name", "prenom"),
    "last_name": ("last name", "lastname", "surname", "family name", "nom de famille", "nom"),
    "email": ("email", "e mail", "mail", "courriel", "adresse e mail", "adresse mail",
              "email address", "e mail address", "adresse electronique", "e mail 1 value",
              "adresse de messagerie"),
    "phone": ("phone", "telephone", "tel", "mobile", "portable", "phone number",
              "numero de telephone", "gsm", "mobile phone", "tel mobile", "telephone mobile"),
    "profile_url": ("profile url", "url", "linkedin", "profil linkedin", "linkedin url",
                    "lien linkedin", "url linkedin", "profil", "website", "site web", "web page",
                    "page web"),
    "organisation": ("organisation", "organization", "company", "entreprise", "societe",
                     "employeur", "employer", "structure", "organisme", "company name"),
    "position": ("position", "job title", "title", "poste", "fonction", "intitule de poste",
                 "intitule du poste", "role", "titre", "job"),
    "connected_on": ("connected on", "date de connexion", "connecte le", "date de contact",
                     "en relation depuis", "date d ajout", "added on"),
    "birthday": ("birthday", "anniversaire", "date de naissance", "birth date", "date of birth"),
    "notes": ("notes", "note", "commentaire", "commentaires", "remarques", "remarque",
              "comments", "comment"),
    "mutual_connections": ("mutual connections", "mutual", "shared connections",
                           "relations en commun", "contacts en commun", "connexions en commun",
                           "mutual connections count", "relations communes"),
}

_LINKEDIN = {
    "first_name": ("first name",), "last_name": ("last name",), "profile_url": ("url",),
    "email": ("email address",), "organisation": ("company",), "position": ("position",),
    "connected_on": ("connected on",),
}

_OUTLOOK = {
    "first_name": ("first name", "prenom"),
    "middle_name": ("middle name", "deuxieme prenom"),
    "last_name": ("last name", "nom"),
    "email": ("e mail address", "adresse de messagerie", "e mail 2 address",
              "adresse de messagerie 2", "e mail 3 address", "adresse de messagerie 3"),
    "phone": ("mobile phone", "tel mobile", "business phone", "telephone bureau",
              "home phone", "telephone domicile", "primary phone", "telephone principal",
              "other phone", "autre telephone"),
    "profile_url": ("web page", "page web", "personal web page", "page web personnelle"),
    "organisation": ("company", "societe"),
    "position": ("job title", "fonction", "titre fonction", "poste"),
    "birthday": ("birthday", "anniversaire"),
    "notes": ("notes",),
}

_GOOGLE = {
    "full_name": ("name",),
    "first_name": ("first name", "given name"),
    "middle_name": ("middle name", "additional name"),
    "last_name": ("last name", "family name"),
    "organisation": ("organization name", "organization 1 name"),
    "position": ("organization title", "organization 1 title"),
    "birthday": ("birthday",),
    "notes": ("notes",),
    "labels": ("labels", "group membership"),
}
_GOOGLE_MULTI = re.compile(r"^(e mail|phone|website) (\d+) (value|label|type)$")


@dataclass(frozen=True)
class Layout:
    """Where a format keeps each field: `columns[field]` lists column indexes, the first
    non-empty one wins; `labelled[kind]` lists (label column or None, value column) pairs of
    Google's numbered e-mail/phone/website columns."""

    format: str
    columns: dict[str, tuple[int, ...]]
    labelled: dict[str, tuple[tuple[int | None, int], ...]] = field(default_factory=dict)
    width: int = 0
    day_first: bool = True
    french: bool = False

    @property
    def recognised(self) -> int:
        return sum(len(v) for v in self.columns.values()) + \
            sum(len(v) for v in self.labelled.values())

    def has_name(self) -> bool:
        names = ("full_name", "first_name", "last_name")
        return any(self.columns.get(k) for k in names) or bool(self.columns.get("email")) or \
            bool(self.labelled.get("email"))


def _positions(keys: list[str], synonyms: dict[str, tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """Column indexes per field, in the synonyms' order of preference; each column used once."""
    taken: set[int] = set()
    found: dict[str, tuple[int, ...]] = {}
    for target, names in synonyms.items():
        indexes = []
        for name in names:
            for i, key in enumerate(keys):
                if key == name and i not in taken:
                    indexes.append(i)
                    taken.add(i)
        if indexes:
            found[target] = tuple(indexes)
    return found


def _french(keys: list[str]) -> bool:
    return any(k in ("prenom", "nom", "societe", "adresse de messagerie", "anniversaire",
                     "entreprise", "poste", "fonction", "courriel", "telephone") for k in keys)


def linkedin_layout(keys: list[str]) -> Layout | None:
    """LinkedIn Connections.csv: First Name, Last Name, [URL,] Email Address, Company,
    Position, Connected On (exports before 2020 have no URL column)."""
    if not {"first name", "last name", "email address", "company", "position",
            "connected on"} <= set(keys):
        return None
    return Layout("linkedin", _positions(keys, _LINKEDIN), width=len(keys))


def google_layout(keys: list[str]) -> Layout | None:
    """Google Contacts CSV, old ("Name, Given Name, …, Group Membership, E-mail 1 - Type")
    and current ("First Name, Middle Name, …, File As, Labels, E-mail 1 - Label")."""
    present = set(keys)
    old = {"given name", "family name"} <= present and (
        "group membership" in present or "e mail 1 value" in present)
    new = "first name" in present and "last name" in present and (
        "file as" in present or "labels" in present or "organization name" in present)
    if not (old or new):
        return None
    columns = _positions(keys, _GOOGLE)
    pairs: dict[str, dict[str, dict[str, int]]] = {}
    for i, key in enumerate(keys):
        match = _GOOGLE_MULTI.match(key)
        if match:
            kind = {"e mail": "email", "phone": "phone", "website": "website"}[match[1]]
            part = "value" if match[3] == "value" else "label"
            pairs.setdefault(kind, {}).setdefault(match[2], {})[part] = i
    labelled = {kind: tuple((n.get("label"), n["value"]) for _, n in sorted(
        numbers.items(), key=lambda item: int(item[0])) if "value" in n)
        for kind, numbers in pairs.items()}
    return Layout("google", columns, labelled, width=len(keys))


def outlook_layout(keys: list[str]) -> Layout | None:
    """Outlook CSV (desktop and Outlook.com), English or French column names. French
    Outlook names both the courtesy title and the job title "Titre": the second is the job."""
    present = set(keys)
    english = "e mail address" in present and bool(
        present & {"job title", "business phone", "mobile phone", "middle name", "e mail type"})
    french = "adresse de messagerie" in present or (
        "prenom" in present and "deuxieme prenom" in present)
    if not (english or french):
        return None
    columns = _positions(keys, _OUTLOOK)
    titles = [i for i, k in enumerate(keys) if k == "titre"]
    if french and len(titles) >= 2 and "position" not in columns:
        columns["position"] = (titles[1],)
    return Layout("outlook", columns, width=len(keys), day_first=french, french=french)


def generic_layout(keys: list[str]) -> Layout | None:
    """Any sheet with a recognisable name or e-mail column (French or English names).
    "Nom" means the last name beside a "Prénom" column, the full name otherwise."""
    columns = _positions(keys, _GENERIC)
    if "last_name" in columns and "first_name" not in columns and "full_name" not in columns:
        columns["full_name"] = columns.pop("last_name")
    layout = Layout("csv", columns, width=len(keys), day_first=True, french=_french(keys))
    if not layout.has_name() or layout.recognised < min(2, len(keys)):
        return None                       # one column is enough only in a one-column sheet
    return layout


_BUILDERS = {"linkedin": linkedin_layout, "google": google_layout,
             "outlook": outlook_layout, "csv": generic_layout}


def layout_for(header: list[str], fmt: str = "auto") -> Layout | None:
    """The layout of a header row for format `fmt` ("auto": the most specific format that
    fits — LinkedIn, Google, Outlook, then a generic sheet); None when it fits none."""
    keys = [header_key(cell) for cell in header]
    if fmt != "auto":
        return _BUILDERS[fmt](keys)
    for builder in (linkedin_layout, google_layout, outlook_layout, generic_layout):
        layout = builder(keys)
        if layout is not None:
            return layout
    return None

"""The demo persona: Camille Durand, supply-chain manager in retail moving into renewable
energy. Every person and organisation here is invented."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

from workbook.store.contacts import add_contact, log_interaction
from workbook.store.settings import set_setting

FIRST_NAMES = ("Amandine", "Bastien", "Chloé", "Damien", "Élodie", "Fabrice", "Gaëlle", "Hugo",
               "Inès", "Julien", "Karima", "Laurent", "Manon", "Nicolas", "Océane", "Pierre",
               "Quentin", "Rachida", "Sébastien", "Thi Lan", "Ulysse", "Valérie", "William",
               "Yasmine", "Zoé", "Arnaud", "Bérénice", "Cyril", "Delphine", "Étienne",
               "Farida", "Grégoire", "Hélène", "Ibrahim", "Jeanne", "Kevin", "Lucie", "Mathis",
               "Nadia", "Olivier")
LAST_NAMES = ("Abadie", "Bertin", "Carrel", "Delorme", "Estève", "Faure", "Garnier", "Hamon",
              "Isnard", "Jolivet", "Kerbrat", "Lemoine", "Marchal", "Nguyen", "Ollivier",
              "Perrot", "Quéré", "Rivière", "Salaün", "Tessier", "Vidal", "Weber", "Ysern",
              "Zeller", "Benali", "Castagné", "Dufresne", "Ferrand", "Guillot", "Haddad")

# (organisation, sector): the former employer's world, then the target sector
ORGANISATIONS = (
    ("Grand Marché Distribution", "Retail"), ("LogiNord Transports", "Logistics"),
    ("Entrepôts Valmy", "Logistics"), ("Maison Berthelot", "Retail"),
    ("Helio Parc Énergies", "Renewable energy"), ("VentOuest Éolien", "Renewable energy"),
    ("Solaris Réseaux", "Renewable energy"), ("Hydrogène de Provence", "Renewable energy"),
    ("Cabinet Talents Verts", "Recruitment"), ("Agence Cap Emploi Cadres", "Recruitment"),
    ("École Supérieure de Logistique", "Education"), ("Conseil Régional Sud", "Public sector"),
    ("Le Journal de l'Énergie", "Media"), ("Ouest Éco", "Media"),
)

# (layer, how many, candidate roles, organisations indexes, touches per year)
LAYER_PLAN = (
    ("inner", 5, ("connector", "ex_colleague", "peer"), (0, 1, 10), 12),
    ("close", 15, ("ex_colleague", "alumni", "connector", "peer"), (0, 1, 2, 3, 10), 5),
    ("active", 45, ("ex_colleague", "peer", "alumni", "expert", "prescriber"),
     (0, 1, 2, 3, 8, 9, 10, 11), 2),
    ("target", 50, ("decision_maker", "expert", "peer", "connector", "prescriber"),
     (4, 5, 6, 7, 8, 11), 1),
    ("dormant", 20, ("ex_colleague", "alumni", "peer"), (0, 1, 2, 3), 0),
    ("unsorted", 11, ((),), (0, 2, 4, 6, 9), 0),
)
POSITIONS = {
    "decision_maker": ("Directrice des opérations", "Head of Projects", "Directeur de site"),
    "prescriber": ("Chasseur de têtes", "Consultante en recrutement", "Talent partner"),
    "connector": ("Présidente d'association", "Business developer", "Responsable partenariats"),
    "expert": ("Ingénieur raccordement", "Experte achats durables", "Chef de projet solaire"),
    "ex_colleague": ("Responsable entrepôt", "Acheteur", "Chef de quai"),
    "alumni": ("Consultant supply chain", "Responsable logistique", "Planificatrice"),
    "peer": ("Chef de projet", "Responsable supply chain", "Analyste flux"),
}
NEEDS_BY_ROLE = {"decision_maker": ("influence", "talent"), "prescriber": ("talent",),
                 "connector": ("information", "visibility"), "expert": ("recognition",),
                 "journalist": ("information",)}
JOURNALISTS = (("Sophie Marchetti", "Le Journal de l'Énergie", "transition énergétique"),
               ("Marc Leguen", "Ouest Éco", "économie régionale"),
               ("Anaïs Roux", "Le Journal de l'Énergie", "emploi et compétences"),
               ("Thomas Bichet", "Ouest Éco", "logistique et industrie"))


def seed(conn: sqlite3.Connection, rng: random.Random, today: dt.date) -> None:
    set_setting(conn, "display_name", "Camille Durand")
    set_setting(conn, "situation", "changing_sector")
    set_setting(conn, "demo", "1")
    used_names: set[str] = set()
    for layer, count, roles, org_indexes, touches in LAYER_PLAN:
        for _ in range(count):
            name = _new_name(rng, used_names)
            role_set = rng.choice(roles) if roles == ((),) else _pick_roles(rng, roles)
            organisation = ORGANISATIONS[rng.choice(org_indexes)][0]
            first_role = role_set[0] if role_set else "peer"
            contact = add_contact(
                conn, name, first_name=name.split()[0], last_name=name.split(" ", 1)[1],
                organisation=organisation, position=rng.choice(POSITIONS.get(first_role, ("",))),
                layer=layer, roles=role_set,
                needs=[n for r in role_set for n in NEEDS_BY_ROLE.get(r, ())],
                tie_strength=rng.randint(1, 5) if layer != "unsorted" else None,
                mutual_connections=rng.randint(0, 40),
                connected_on=(today - dt.timedelta(days=rng.randint(60, 3000))).isoformat(),
                source="demo",
                email=f"{_slug(name)}@example.org" if rng.random() < 0.4 else "")
            _seed_interactions(conn, rng, today, contact, touches, layer)
    _seed_journalists(conn, rng, today)


def _new_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name not in used:
            used.add(name)
            return name


def _pick_roles(rng: random.Random, roles: tuple[str, ...]) -> tuple[str, ...]:
    first = rng.choice(roles)
    second = rng.choice(roles) if rng.random() < 0.25 else first
    return tuple(dict.fromkeys((first, second)))


def _slug(name: str) -> str:
    from workbook.domain.names import fold

    return fold(name).replace(" ", ".")


def _seed_interactions(conn, rng, today, contact, touches_per_year, layer) -> None:
    kinds = ("message", "call", "coffee", "lunch", "event", "greeting_card")
    for _ in range(touches_per_year):
        when = today - dt.timedelta(days=rng.randint(1, 365))
        log_interaction(conn, contact, when.isoformat(), rng.choice(kinds),
                        direction=rng.choice(("out", "out", "in", "mutual")),
                        purpose="expand" if layer == "target" else "maintain")


def _seed_journalists(conn, rng, today) -> None:
    """The journalists of the network map (role journalist); the press page's demo
    (`workbook.demo.press`) puts them on the media list with their history."""
    for name, outlet, _beat in JOURNALISTS:
        add_contact(conn, name, first_name=name.split()[0], last_name=name.split(" ", 1)[1],
                    organisation=outlet, position="Journaliste", layer="active",
                    roles=("journalist",), needs=("information",), tie_strength=2,
                    source="demo")
        rng.randint(10, 200)   # keeps the random sequence the other demo pages were drawn from


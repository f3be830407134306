"""Demo data for the press page: Camille's media list, three topic sheets (two ready, one
vague draft), a media history (fast call-backs, one slow one, quotes, a reply draft whose
re-read request the guard caught, an off with the request not to use it) and a visibility
plan. Invented people and outlets only; written through `workbook.store.press`."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

from workbook.domain.press import KeyPoint, PressSettings, TopicSheet
from workbook.store import press as store

# (name in the network map, medium, beat, how they may find Camille)
FROM_NETWORK = {
    "Sophie Marchetti": ("press", "transition énergétique", "Post LinkedIn sur les chantiers"),
    "Marc Leguen": ("press", "économie régionale", "Annuaire des experts de la CCI"),
    "Anaïs Roux": ("web", "emploi et compétences", "Recommandée par Sophie Marchetti"),
    "Thomas Bichet": ("press", "logistique et industrie", "Salon SITL"),
}
OTHERS = (
    ("Julie Perrin", "France Bleu Provence", "radio", "économie locale", "Conférence à l'ESL"),
    ("Hugo Lambert", "Énergies d'avenir (podcast)", "podcast", "transition énergétique",
     "Club Logistique Sud"),
    ("Claire Dubosc", "La Lettre Logistique", "newsletter", "supply chain", ""),
)

SOLAR = TopicSheet(
    "Approvisionnement des chantiers solaires",
    "Un chantier solaire sur trois prend du retard parce que les pièces arrivent trop tard.",
    (KeyPoint("Un jour de retard coûte 2 000 € sur un parc de 10 MW.",
              "Relevé sur 40 chantiers, Helio Parc Énergies, 2025",
              ("Chaque jour sans panneaux coûte le prix d'une voiture d'occasion.",)),
     KeyPoint("Stocker près du chantier divise les retards par deux.",
              "Exemple : le parc de Lunel, 12 jours gagnés",
              ("Un entrepôt à 20 km vaut mieux qu'une promesse à 800 km.",)),
     KeyPoint("Les transformateurs se commandent un an avant le chantier.",
              "Délai constructeur constaté : 52 semaines",
              ("Un transformateur se commande avant le permis, pas après.",))))
CAREERS = TopicSheet(
    "Passer de la distribution aux énergies renouvelables",
    "Les logisticiens de la distribution savent déjà livrer à l'heure : les chantiers verts "
    "en manquent.",
    (KeyPoint("La filière solaire recrute 3 000 logisticiens par an.",
              "Chiffre de l'observatoire régional de l'emploi, 2025",
              ("Le solaire manque moins de panneaux que de gens pour les livrer.",)),
     KeyPoint("Gérer 400 magasins prépare à gérer 40 chantiers.",
              "Mon parcours chez Grand Marché Distribution",
              ("Un chantier, c'est un magasin qui déménage tous les six mois.",))))
HYDROGEN = TopicSheet(
    "Logistique de l'hydrogène",
    "L'hydrogène est en quelque sorte un enjeu majeur pour la logistique.",
    (KeyPoint("Il faut un peu plus anticiper les choses.", "", ()),
     KeyPoint("Les solutions innovantes sont essentielles.", "", ("Il faut des synergies.",)),
     KeyPoint("Le TCO des PL H2 reste plutôt élevé.", "", ()),
     KeyPoint("Anticiper les choses un peu plus tôt.", "", ())))


def _at(today: dt.date, days_ago: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(hour, minute))


def seed(conn: sqlite3.Connection, rng: random.Random, today: dt.date) -> None:
    now = dt.datetime.combine(today, dt.time(23, 59))
    store.save_settings(conn, PressSettings(phone="06 12 34 56 78",
                                            email="camille.durand@example.org",
                                            hours="9 h – 19 h en semaine", callback_minutes=60))
    ids: dict[str, int] = {}
    for contact in store.journalist_contacts(conn):
        medium, beat, found = FROM_NETWORK.get(contact["full_name"], ("press", "", ""))
        ids[contact["full_name"]] = store.add_journalist_from_contact(
            conn, contact["id"], medium=medium, beat=beat, language="fr", found_via=found,
            channels="e-mail, téléphone")
    for name, outlet, medium, beat, found in OTHERS:
        ids[name] = store.add_journalist(conn, name, outlet=outlet, medium=medium, beat=beat,
                                         language="fr", found_via=found, channels="téléphone")
    solar = store.save_sheet(conn, SOLAR, "fr")
    careers = store.save_sheet(conn, CAREERS, "fr")
    store.save_sheet(conn, HYDROGEN, "fr")
    store.mark_prepared(conn, solar, _at(today, 5, 16, 25))
    store.mark_prepared(conn, careers, _at(today, 120, 10))

    def log(name, kind, received, answered=None, **details):
        if name in ids:
            return store.log_media(conn, ids[name], kind, received, answered, now=now, **details)
        return None

    subject = "Retards sur les chantiers solaires"
    log("Sophie Marchetti", "pitch", _at(today, 130, 9), _at(today, 128, 17),
        subject="Logistique des chantiers solaires")
    log("Sophie Marchetti", "request", _at(today, 75, 10, 12), _at(today, 75, 10, 40),
        subject=subject, sheet_id=solar)
    log("Sophie Marchetti", "interview", _at(today, 75, 11), subject=subject, sheet_id=solar,
        quoted=True)
    log("Sophie Marchetti", "published", _at(today, 70, 7), subject=subject, published=True,
        quoted=True, link="https://example.org/journal-energie/chantiers-solaires")
    radio = "Emplois verts en Provence"
    log("Julie Perrin", "request", _at(today, 40, 8, 30), _at(today, 40, 8, 52), subject=radio,
        sheet_id=careers)
    log("Julie Perrin", "interview", _at(today, 40, 9, 15), subject=radio, sheet_id=careers,
        quoted=True)
    # The slow one: the story ran without Camille.
    log("Marc Leguen", "request", _at(today, 30, 14, 5), _at(today, 29, 9, 30),
        subject="Entrepôts et parcs solaires en Bretagne",
        notes="Rappelé le lendemain : l'article était déjà bouclé.")
    log("Hugo Lambert", "request", _at(today, 12, 11), _at(today, 12, 11, 35),
        subject="Recruter pour la transition", sheet_id=careers)
    log("Hugo Lambert", "interview", _at(today, 11, 15), subject="Recruter pour la transition",
        sheet_id=careers, off_record=True, asked_not_to_quote=True)
    # The guard caught the re-read request in the reply draft; the reply sent offered to check
    # the quotes only.
    log("Anaïs Roux", "request", _at(today, 5, 16, 20), _at(today, 5, 16, 45),
        subject="Reconversions dans l'énergie", sheet_id=solar,
        draft="Bonjour Anaïs, volontiers. Pourriez-vous m'envoyer l'article pour relecture "
              "avant publication ?")
    log("Anaïs Roux", "interview", _at(today, 5, 17), subject="Reconversions dans l'énergie",
        sheet_id=solar)
    log("Thomas Bichet", "pitch", _at(today, 20, 9, 30),
        subject="Stocker près des chantiers : l'exemple de Lunel")
    tuesday = today + dt.timedelta(days=(1 - today.weekday()) % 7 or 7)
    store.add_plan_item(conn, SOLAR.topic, "post", tuesday, "Le chiffre des 2 000 € par jour",
                        sheet_id=solar)
    store.add_plan_item(conn, CAREERS.topic, "association", tuesday + dt.timedelta(weeks=2),
                        "Club Logistique Sud, atelier reconversion", sheet_id=careers)
    store.add_plan_item(conn, SOLAR.topic, "talk", tuesday + dt.timedelta(weeks=4),
                        "Salon régional des énergies renouvelables", sheet_id=solar)
    done = store.add_plan_item(conn, CAREERS.topic, "post", tuesday - dt.timedelta(weeks=1),
                               sheet_id=careers)
    store.set_plan_done(conn, done, True)

"""French lexicons of the focus checker (data only).

SOURCE: compiled for this workbook from the method's own examples ("polyvalent",
"touche-à-tout", "open to any opportunity") and from widely published lists of overused CV
and LinkedIn words (LinkedIn's yearly "most overused buzzwords" lists, 2010–2017; French
job-search guides' lists of CV clichés: "dynamique", "force de proposition"…).
Entries are written naturally and folded when compiled; a trailing "*" matches any ending.
"""

# Generalist words: the statement aims at everything.
VAGUE_WORDS = (
    "polyvalen*", "touche-à-tout", "généralist*", "multi-casquette*", "multicasquette*",
    "couteau suisse", "couteau-suisse", "tous secteurs", "tous les secteurs", "tout secteur",
    "tout type*", "tous types", "toute opportunité", "toutes opportunités", "ouvert* à tout*",
    "ouvert* aux opportunités", "n'importe quel*", "divers", "diverses", "diversifié*",
    "variés", "variées", "large palette", "large éventail", "nombreux domaines",
    "différents domaines", "différents secteurs", "plusieurs secteurs", "multiples domaines",
    "tout faire", "toutes fonctions", "quel que soit", "quelle que soit", "etc", "et bien plus",
    "tous horizons", "profil transverse", "tout ce qui",
)

# Corporate jargon that sounds like every CV (the overused self-descriptions are CLICHES).
BUZZWORDS = (
    "synergie*", "disruptif*", "disruptive*", "proactif*", "proactive*", "holistique*",
    "valeur ajoutée", "écosystème*", "transformation digitale", "transformation numérique",
    "à 360", "agilité", "impactant*", "bonnes pratiques", "levier*",
)

# Named audiences: the people or organisations the specialty serves.
AUDIENCE_NOUNS = (
    "pme", "tpe", "eti", "start-up*", "startups", "entreprises", "hôpitaux", "cliniques",
    "collectivités", "mairies", "associations", "ong", "cabinets", "industriels", "fabricants",
    "distributeurs", "commerçants", "artisans", "équipes", "clients", "patients", "élèves",
    "étudiants", "daf", "drh", "dsi", "dg", "cfo", "cto", "ceo", "coo", "pdg", "rssi",
    "dirigeant*", "fondat*", "managers", "directions", "directeurs", "directrices",
    "responsables", "acheteurs", "laboratoires", "banques", "assureurs", "mutuelles",
    "éditeurs", "agences", "enseignes", "restaurants", "hôtels", "exploitants", "agriculteurs",
    "éleveurs", "promoteurs", "bailleurs", "développeurs", "porteurs de projet*", "producteurs",
    "particuliers", "familles", "usines", "chantiers", "marques", "écoles", "universités",
    "franchisés", "indépendants", "commerciaux", "soignants", "médecins", "pharmacies",
    "transporteurs", "chargeurs", "installateurs", "opérateurs", "gestionnaires",
    "investisseurs", "ministères",
)

# Sectors, to spot a statement that aims at several at once.
SECTORS = (
    "banque*", "assurance*", "santé", "pharma*", "industrie", "agroalimentaire", "automobile",
    "aéronautique", "luxe", "retail", "grande distribution", "distribution", "commerce",
    "immobilier", "btp", "construction", "énergie*", "télécom*", "médias", "tourisme",
    "hôtellerie", "restauration", "transport*", "logistique", "éducation", "enseignement",
    "secteur public", "fonction publique", "associatif", "numérique", "conseil", "cosmétique*",
    "chimie", "agriculture", "sport", "défense", "ferroviaire", "maritime", "spatial",
    "nucléaire", "e-commerce", "fintech", "assurtech", "edtech", "biotech*", "medtech*",
    "jeu vidéo", "jeux vidéo",
)

# Functions (jobs), to spot "controller or accountant".
FUNCTIONS = (
    "contrôleu*", "comptable", "directeur", "directrice", "responsable", "chef de projet",
    "cheffe de projet", "manager", "consultant*", "développeur", "développeuse", "ingénieur*",
    "commercial", "commerciale", "acheteur", "acheteuse", "juriste", "avocat*", "chargé*",
    "chargée*", "assistant*", "technicien*", "analyste", "auditeur", "auditrice", "formateur",
    "formatrice", "gestionnaire", "coordinat*", "designer", "architecte", "product owner",
    "data scientist", "marketing", "communication", "ressources humaines", "rh", "finance",
    "achats", "vente*", "juridique", "informatique", "comptabilité", "paie",
)

# Function words, to tell which language a text is in (ambiguous ones left out).
STOPWORDS = frozenset({
    "aide", "au", "aux", "avec", "ce", "cette", "d", "dans", "des", "du", "est", "et", "j",
    "je", "l", "la", "le", "les", "ma", "mais", "mes", "mon", "nous", "ou", "pour", "qu", "que",
    "qui", "sont", "sur", "une", "vous",
})

# Number words, as digits (the repeat-back test counts "cinq" and "5" as the same).
NUMBER_WORDS = {
    "un": "1", "une": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "six": "6",
    "sept": "7", "huit": "8", "neuf": "9", "dix": "10", "vingt": "20", "trente": "30",
    "cent": "100", "mille": "1000",
}
# Words that carry a figure without digits ("la moitié", "deux fois").
FIGURE_WORDS = frozenset({"moitié", "tiers", "quart", "double", "triple", "zéro", "million",
                          "millions", "milliard", "pourcent"})

# Overused self-descriptions, by family (each family has its own advice in the catalogue:
# `positioning.finding.cliches.<family>`). SOURCE: French job-search guides' lists of CV and profile
# clichés (APEC, Cadremploi, Welcome to the Jungle: "dynamique", "motivé", "rigoureux",
# "force de proposition", "sens du relationnel", "nouveau challenge", "s'épanouir"…), and
# LinkedIn's yearly lists of overused words (2010–2017) for the English ones French profiles use.
CLICHES = {
    "traits": (
        "dynamique*", "motivé*", "rigoureu*", "curieu*", "autonome*", "organisé*",
        "créati*", "passionné*", "sens du relationnel", "excellent relationnel",
        "bon relationnel", "esprit d'équipe", "force de proposition", "investi*",
        "impliqué*", "sérieu*", "à l'écoute", "capacité d'adaptation", "adaptable*",
        "enthousiaste*", "persévérant*", "expérimenté*",
    ),
    "claims": (
        "orienté* résultat*", "solide expérience", "forte expérience", "riche expérience",
        "expérience significative", "fort de", "forte de", "créer de la valeur",
        "création de valeur", "stratégique*", "innovant*", "excellence",
        "leadership", "expert", "experte", "au service de la", "au service d'une",
        "au service d'un", "au service du", "mettre mes compétences", "mettre mon expertise",
        "mets mon expertise", "mets mes compétences", "fédérer",
    ),
    "wishes": (
        "nouveau challenge", "nouveaux challenges", "nouveau défi", "nouveaux défis",
        "relever des défis", "relever de nouveaux défis", "relever les défis", "challenges",
        "s'épanouir", "m'épanouir", "épanouissement", "poste stimulant",
        "à la recherche d'un*", "à la recherche de ma", "je cherche", "je recherche",
        "première expérience", "évoluer",
    ),
}

# Words after which the audience is named ("pour les réseaux de franchise").
AUDIENCE_CUES = (
    "pour", "auprès des", "auprès de", "auprès du", "au service des", "j'aide", "j'accompagne",
    "dédié aux", "dédiée aux", "à destination des", "aux côtés des", "chez les", "chez des",
    "spécialisé dans les", "spécialisée dans les", "je travaille avec les",
    "je travaille avec des",
)
# Small words skipped at the start of an audience or an object, and words that end it.
PHRASE_SKIP = frozenset({"les", "l", "des", "la", "le", "un", "une", "de", "d", "du", "aux",
                         "au", "mes", "ses", "leurs", "nos", "vos"})
PHRASE_END = frozenset({"je", "j", "qui", "que", "qu", "dans", "avec", "a", "afin", "pour",
                        "et", "ou", "mais", "car", "depuis", "sur", "en", "grace", "tout",
                        "toutes", "tous", "toute"})
# Words too broad to name an audience or a result on their own ("les entreprises").
GENERIC_NOUNS = frozenset({
    "entreprise", "organisation", "structure", "societe", "client", "clientele", "personne",
    "chacun", "gens", "monde", "projet", "equipe", "collaborateur", "interlocuteur",
    "partenaire", "acteur", "performance", "developpement", "succes", "valeur", "resultat",
    "idee", "potentiel", "enjeu", "sujet", "defi", "environnement", "secteur", "domaine",
    "poste", "opportunite", "challenge", "experience", "competence", "expertise",
    "croissance", "sens", "vie", "carriere", "besoin", "objectif", "activite", "metier",
    "business", "solution", "ensemble", "chose", "tout", "transformation",
    "strategie", "innovation", "qualite", "service", "mission", "travail",
})
# Verbs a first-person sentence uses to say nothing delivered ("je cherche", "je suis").
NON_RESULT_VERBS = frozenset({
    "etre", "avoir", "chercher", "rechercher", "souhaiter", "vouloir", "aimer", "adorer",
    "pouvoir", "savoir", "adapter", "accompagner", "aider", "intervenir", "apporter",
    "mettre", "travailler", "participer", "contribuer", "rejoindre", "arriver",
    "devenir", "penser", "croire", "viser", "esperer", "apprendre", "evoluer", "occuper",
    "sentir", "trouver", "transformer", "gerer", "piloter", "suivre", "aller", "venir",
})
# Result verbs, as dictionary forms: a deliverable is something done to something.
RESULT_VERBS = frozenset({
    "reduire", "ramener", "augmenter", "diviser", "economiser", "gagner", "livrer",
    "deployer", "automatiser", "fiabiliser", "securiser", "accelerer", "raccourcir",
    "diminuer", "baisser", "doubler", "tripler", "recuperer", "obtenir", "lancer",
    "concevoir", "construire", "redresser", "recruter", "signer", "vendre", "migrer",
    "remettre", "certifier", "negocier", "ouvrir", "installer", "remplacer", "supprimer",
    "eviter", "boucler", "pourvoir", "reussir", "atteindre", "eliminer", "resorber",
    "fideliser", "convertir", "decrocher", "remporter", "financer", "lever", "rediger",
    "former", "instruire", "reprendre", "redemarrer", "produire", "publier", "recouvrer",
})
# Words that announce a result ("sans contentieux", "zéro erreur", "aucun retard").
RESULT_MARKERS = frozenset({"sans", "zero", "aucun", "aucune", "jamais"})
# Phrases that are a result on their own.
RESULT_PHRASES = (
    "du premier coup", "dans les délais", "dans les temps", "à la date prévue", "au lieu de",
    "en moins de", "deux fois moins", "deux fois plus", "de moitié", "d'un tiers",
    "d'un quart", "en avance", "en hausse", "en baisse",
)
# A figure about the candidate, not about a result ("15 ans d'expérience").
EXPERIENCE_PHRASES = ("ans d'expérience", "années d'expérience", "ans d'expertise")

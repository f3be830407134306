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

# Jargon that sounds like every CV.
BUZZWORDS = (
    "synergie*", "disruptif*", "disruptive*", "innovant*", "dynamique*", "proactif*",
    "proactive*", "passionné*", "orienté résultats", "orientée résultats",
    "force de proposition", "holistique*", "valeur ajoutée", "écosystème*",
    "transformation digitale", "transformation numérique", "à 360", "excellence", "leadership",
    "agilité", "motivé*", "rigoureu*", "créati*", "impactant*", "esprit d'équipe",
    "sens du relationnel", "bonnes pratiques", "levier*",
)

# Result verbs: a deliverable is something done to something.
DELIVERABLE_VERBS = (
    "rédui*", "ramen*", "augment*", "divis*", "économis*", "gagn*", "livr*", "déploi*",
    "déploy*", "automatis*", "fiabilis*", "sécuris*", "accélér*", "raccourc*", "diminu*",
    "baiss*", "doubl*", "tripl*", "récupér*", "obten*", "obtien*", "lanc*", "conçoi*", "conçu*",
    "concev*", "construi*", "redress*", "recrut*", "signé*", "signe", "vend*", "migr*",
    "mets en place", "met en place", "mis en place", "remis*", "fais passer", "fait passer",
    "réduction", "hausse", "certifi*", "négoci*", "ouvr*", "install*", "remplac*", "supprim*",
    "évit*",
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
FIGURE_WORDS = frozenset({"moitié", "double", "triple", "million", "millions", "milliard",
                          "pourcent"})

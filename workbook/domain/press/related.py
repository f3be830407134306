"""Related words for the repeated-point rule: words a speaker swaps to say the same thing
again ("tenant answered" / "reply to tenants", "crime" / "offences", "bus" / "coach").

Each group is one idea, with its lemmas (folded, as `simplemma` gives them) in French and in
English. Only everyday words that sheets of any trade use; a trade's own synonyms are left to
lemmas and word families. Written for this checker.
"""

from __future__ import annotations

GROUPS = {
    "work": ("travail travailler emploi metier poste exercer boulot",
             "work job employment trade profession occupation employ career post"),
    "worker": ("salarie employe personnel equipe collaborateur effectif",
               "staff employee worker team personnel workforce crew"),
    "customer": ("client clientele acheteur consommateur usager abonne",
                 "customer client buyer consumer shopper user patron subscriber"),
    "price": ("prix cout couter tarif facture montant depense depenser budget cher payer "
              "financer revenir", "price cost fee charge bill tariff spend expense expensive "
              "budget pay fund finance"),
    "cheap": ("abordable economique", "cheap affordable inexpensive"),
    "save": ("economiser economie epargner", "save saving"),
    "earn": ("gagner rapporter revenu benefice marge", "earn income revenue profit margin"),
    "increase": ("augmenter hausse augmentation croitre croissance monter progresser grimper "
                 "accroitre doubler tripler", "increase rise raise grow growth climb boost "
                 "double triple surge"),
    "decrease": ("baisser baisse reduire reduction diminuer diminution chuter chute diviser "
                 "abaisser couper", "reduce reduction decrease cut lower drop fall decline "
                 "halve shrink"),
    "fast": ("rapide rapidement vite vitesse accelerer", "fast quick quickly rapid speed swift "
             "accelerate"),
    "wait": ("attendre attente delai retard lent patienter", "wait delay slow late waiting"),
    "open": ("ouvrir ouverture lancer lancement demarrer creer creation commencer",
             "open opening launch start begin create establish"),
    "close": ("fermer fermeture arreter cesser disparaitre", "close closure shut stop cease "
              "disappear"),
    "child": ("enfant jeune eleve ado adolescent gamin", "child kid young youth pupil student "
              "teenager"),
    "elderly": ("age aine retraite vieux senior", "elderly old senior pensioner retired"),
    "home": ("foyer maison logement domicile menage appartement habitation",
             "home house household dwelling flat apartment housing"),
    "vehicle": ("voiture vehicule camion car autocar bus fourgon camionnette",
                "car vehicle van truck lorry bus coach minibus"),
    "trip": ("trajet tournee itineraire parcours deplacement", "trip journey route run ride "
             "itinerary commute"),
    "road": ("route rue chemin voie chaussee sentier", "road street path lane"),
    "drive": ("conduire conducteur chauffeur conduite", "drive driver driving"),
    "water": ("eau arrosage arroser arrosoir irrigation irriguer pluie", "water watering "
              "irrigation irrigate rain"),
    "south": ("sud meridional mediterraneen", "south southern mediterranean"),
    "law": ("loi legal obligatoire obligation imposer reglement regle exiger obliger",
            "law legal mandatory compulsory obligation require rule regulation"),
    "crime": ("crime delit criminalite cambriolage vol infraction", "crime offence offense "
              "burglary theft"),
    "light": ("lumiere eclairage lampe lampadaire allumer eclairer noir obscurite sombre "
              "eteindre", "light lighting lamp streetlight dark darkness"),
    "night": ("nuit nocturne minuit", "night midnight overnight nocturnal"),
    "read": ("lire lecture lecteur", "read reading reader literacy"),
    "book": ("livre roman ouvrage", "book novel fiction"),
    "recommend": ("conseil conseiller recommander recommandation choisir choix suggerer",
                  "recommend recommendation advice advise pick choose choice suggest select"),
    "flood": ("crue inondation inonder", "flood flooding"),
    "dam": ("barrage digue", "dam weir"),
    "peak": ("pic sommet maximum record", "peak highest maximum record"),
    "far": ("loin lointain eloigne distance kilometre", "far distant distance kilometre mile "
            "away remote"),
    "volunteer": ("benevole volontaire", "volunteer"),
    "help": ("aider aide assister soutenir soutien", "help aid assist support"),
    "sell": ("vendre vente ecouler", "sell sale resell"),
    "buy": ("acheter achat", "buy purchase"),
    "plant": ("plante vivace fleur arbuste vegetal", "plant perennial flower shrub"),
    "tree": ("arbre foret bois", "tree wood forest woodland"),
    "die": ("mourir mort deces tuer mortel mortalite", "die death kill fatal deadly mortality"),
    "hospital": ("hopital hospitalisation urgence clinique", "hospital admission clinic"),
    "school": ("ecole college lycee scolaire", "school classroom"),
    "safe": ("sur surete securite", "safe safety secure security"),
    "risk": ("risque danger dangereux accident", "risk danger dangerous accident hazard"),
    "food": ("nourriture aliment alimentaire repas manger", "food meal eat"),
    "waste": ("gaspillage dechet jeter poubelle", "waste rubbish bin throw"),
    "need": ("besoin necessaire", "need necessary"),
    "train": ("former formation apprendre apprentissage enseigner cours lecon", "train "
              "training teach learn course lesson class"),
    "group": ("groupe collectif ensemble", "group collective together"),
    "alone": ("individuel particulier seul", "individual private alone one-to-one"),
    "fill": ("pourvoir remplir combler vacant vide", "fill empty vacant vacancy"),
    "stay": ("rester demeurer garder fidele fideliser", "stay remain keep retain loyal"),
    "leave": ("partir quitter depart demission", "leave quit depart resign"),
    "morning": ("matin matinee", "morning"),
    "day": ("jour journee quotidien", "day daily"),
    "week": ("semaine hebdomadaire", "week weekly"),
    "month": ("mois mensuel", "month monthly"),
    "year": ("an annee annuel", "year annual yearly"),
    "call": ("appeler appel telephoner", "call phone ring"),
    "answer": ("repondre reponse", "answer reply respond response"),
    "doctor": ("medecin docteur generaliste", "doctor physician"),
    "family": ("famille parent", "family parent"),
    "town": ("ville commune village quartier", "town city village neighbourhood"),
    "farm": ("ferme agriculteur exploitation eleveur", "farm farmer"),
    "shop": ("magasin boutique commerce", "shop store retailer"),
    "fire": ("feu incendie", "fire blaze"),
    "stagger": ("decaler echelonner different", "stagger staggered different vary"),
    "many": ("beaucoup nombreux", "many numerous plenty"),
    "better": ("meilleur mieux ameliorer amelioration", "better improve improvement"),
    "more": ("plus davantage", "more"),
    "less": ("moins", "less fewer"),
    "summer": ("ete estival", "summer summertime"),
    "winter": ("hiver hivernal", "winter wintertime"),
    "revenue": ("recette chiffre ventes", "takings turnover sales revenue"),
    "check": ("verifier verification controler controle inspecter inspection examiner",
              "check inspect inspection examine review"),
    "damage": ("abimer endommager degat dommage casser", "damage harm break broken"),
    "big": ("grand gros large enorme", "big large huge"),
    "small": ("petit minuscule", "small little tiny"),
    "problem": ("probleme difficulte souci ennui", "problem issue trouble difficulty"),
    "people": ("gens public population habitant", "people public population resident"),
    "use": ("utiliser employer usage", "use usage"),
    "find": ("trouver detecter reperer deceler decouvrir", "find detect spot notice identify "
             "discover"),
    "show": ("montrer prouver demontrer", "show prove demonstrate"),
    "rent": ("louer location loyer", "rent rental hire lease"),
    "move": ("demenager demenagement", "move relocate relocation removal"),
    "ask": ("demander demande", "ask request demand"),
    "learn": ("savoir connaitre connaissance competence", "know knowledge skill"),
    "many_times": ("souvent frequent frequemment", "often frequent frequently"),
}
# Phrases that stand for one idea ("the small hours" is the night).
PHRASES = {
    "fr": ((r"petit matin", "night"), (r"en voiture", "vehicle"), (r"a pied", "walk"),
           (r"chiffre d'affaires", "revenue")),
    "en": ((r"small hours", "night"), (r"by car", "vehicle"), (r"on foot", "walk")),
}


def _index() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {"fr": {}, "en": {}}
    for group, (french, english) in GROUPS.items():
        for lang, words in (("fr", french), ("en", english)):
            for word in words.split():
                table[lang].setdefault(word, group)
    return table


RELATED = _index()

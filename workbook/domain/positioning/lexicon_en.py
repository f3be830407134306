"""English lexicons of the focus checker (data only).

SOURCE: compiled for this workbook from the method's own examples ("polyvalent",
"touche-à-tout", "open to any opportunity") and from widely published lists of overused CV
and LinkedIn words (LinkedIn's yearly "most overused buzzwords" lists, 2010–2017; French
job-search guides' lists of CV clichés: "dynamique", "force de proposition"…).
Entries are written naturally and folded when compiled; a trailing "*" matches any ending.
"""

# Generalist words: the statement aims at everything.
VAGUE_WORDS = (
    "versatile", "generalist*", "jack of all trades", "jack-of-all-trades", "all-rounder",
    "all sectors", "any sector", "all industries", "any industry", "various", "variety of",
    "wide range", "broad range", "many fields", "multiple industries", "diverse",
    "open to any*", "open to all", "open to new opportunit*", "any opportunit*", "any role",
    "multi-skilled", "many hats", "whatever", "and more", "anything", "all kinds",
)

# Jargon that sounds like every CV.
BUZZWORDS = (
    "synerg*", "disrupti*", "innovative", "dynamic", "proactive", "passionate",
    "results-driven", "results driven", "thought leader*", "team player", "go-getter",
    "leverag*", "best-in-class", "best in class", "best practices", "value-added",
    "value added", "ecosystem*", "holistic", "paradigm*", "out of the box", "self-starter",
    "detail-oriented", "rockstar", "ninja", "game changer", "game-changer", "cutting-edge",
    "world-class", "motivated", "strategic thinker", "track record", "growth mindset",
)

# Result verbs: a deliverable is something done to something.
DELIVERABLE_VERBS = (
    "cut", "cuts", "cutting", "reduc*", "increas*", "deliver*", "ship*", "save", "saves",
    "saved", "saving*", "grow*", "grew", "automat*", "launch*", "build*", "built", "doubl*",
    "tripl*", "halv*", "recover*", "shorten*", "lower*", "boost*", "win", "wins", "won",
    "clos*", "implement*", "migrat*", "turn around", "turned around", "negotiat*", "sign",
    "signed", "signing", "sold", "sell*", "hire*", "hiring", "recruit*", "prevent*", "replac*",
    "eliminat*", "certif*", "bring*", "brought", "raise*", "raised", "speed* up", "sped up",
)

# Named audiences: the people or organisations the specialty serves.
AUDIENCE_NOUNS = (
    "smes", "smbs", "startups", "start-ups", "companies", "firms", "hospitals", "clinics",
    "councils", "municipalities", "nonprofits", "charities", "teams", "clients", "customers",
    "patients", "students", "cfos", "ctos", "ceos", "coos", "cios", "cmos", "founders",
    "managers", "executives", "directors", "retailers", "manufacturers", "distributors",
    "banks", "insurers", "agencies", "schools", "universities", "labs", "laboratories",
    "buyers", "owners", "brands", "publishers", "developers", "operators", "plants",
    "factories", "investors", "funds", "families", "households", "physicians", "nurses",
    "pharmacies", "carriers", "shippers", "installers", "landlords", "fleets", "suppliers",
    "vendors", "engineers", "recruiters", "hr teams", "utilities", "ministries", "governments",
    "scale-ups", "scaleups",
)

# Sectors, to spot a statement that aims at several at once.
SECTORS = (
    "banking", "insurance", "healthcare", "health care", "pharma*", "manufacturing",
    "automotive", "aerospace", "luxury", "retail", "real estate", "construction", "energy",
    "telecom*", "media", "tourism", "hospitality", "transportation", "logistics", "education",
    "public sector", "government", "nonprofit sector", "tech", "software", "consulting",
    "fashion", "cosmetics", "chemicals", "agriculture", "defense", "defence", "rail",
    "shipping", "utilities sector", "gaming", "fintech", "insurtech", "edtech", "biotech*",
    "medtech*", "food industry",
)

# Functions (jobs), to spot "controller or accountant".
FUNCTIONS = (
    "controller", "accountant", "director", "head of", "project manager", "manager",
    "consultant", "developer", "engineer", "salesperson", "account executive", "buyer",
    "lawyer", "counsel", "assistant", "technician", "analyst", "auditor", "trainer",
    "coordinator", "designer", "architect", "product owner", "data scientist", "marketing",
    "communications", "human resources", "hr", "finance", "procurement", "sales", "legal",
    "accounting", "payroll",
)

# Function words, to tell which language a text is in (ambiguous ones left out).
STOPWORDS = frozenset({
    "an", "and", "are", "at", "but", "by", "for", "from", "help", "helping", "i", "in", "is",
    "my", "of", "or", "our", "that", "the", "this", "to", "we", "which", "who", "with", "you",
})

# Number words, as digits (the repeat-back test counts "five" and "5" as the same).
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "twenty": "20", "thirty": "30", "hundred": "100",
    "thousand": "1000",
}
# Words that carry a figure without digits ("half", "twice").
FIGURE_WORDS = frozenset({"half", "twice", "double", "triple", "million", "millions",
                          "billion", "percent"})

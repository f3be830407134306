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

# Corporate jargon that sounds like every CV (the overused self-descriptions are CLICHES).
BUZZWORDS = (
    "synerg*", "disrupti*", "proactive", "thought leader*", "leverag*", "best-in-class",
    "best in class", "best practices", "value-added", "value added", "ecosystem*", "holistic",
    "paradigm*", "out of the box", "rockstar", "ninja", "game changer", "game-changer",
    "cutting-edge", "world-class", "growth mindset",
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
FIGURE_WORDS = frozenset({"half", "halve", "third", "quarter", "twice", "double", "triple", "zero",
                          "million", "millions", "billion", "percent"})

# Overused self-descriptions, by family (each family has its own advice in the catalogue:
# `positioning.finding.cliches.<family>`). SOURCE: LinkedIn's yearly lists of the most overused
# profile words, 2010–2017 (motivated, passionate, creative, driven, extensive experience,
# responsible, strategic, track record, organizational, expert, enthusiastic, successful,
# results-oriented, dynamic, innovative, team player, fast-paced, problem solver…), and
# recruiters' published lists of CV clichés (hard-working, self-starter, go-getter,
# detail-oriented, people person, think outside the box, "new challenge"…).
CLICHES = {
    "traits": (
        "motivated", "highly motivated", "passionate", "creative", "driven", "dynamic",
        "hard-working", "hardworking", "hard worker", "team player", "self-starter",
        "self starter", "go-getter", "detail-oriented", "detail oriented", "enthusiastic",
        "organized", "organised", "organizational", "responsible", "reliable",
        "people person", "problem solver", "problem-solver", "fast-paced", "fast paced",
        "thrive*", "energetic", "ambitious", "curious", "eager to learn", "eager",
        "think outside the box", "outside the box",
    ),
    "claims": (
        "extensive experience", "experienced", "seasoned", "proven track record",
        "track record", "proven", "results-oriented", "results oriented", "results-driven",
        "results driven", "strategic", "innovative", "successful", "expert",
        "excellent", "excellence", "leadership", "make an impact", "making an impact",
        "made an impact", "communication skills", "interpersonal skills",
        "full potential", "passion", "forward-thinking", "forward thinking",
        "thinker",
    ),
    "wishes": (
        "new challenge*", "new opportunit*", "looking for", "seeking", "grow professionally",
        "where i can grow", "eager to", "challenging role", "a growing company",
        "next step", "career growth", "contribute to",
    ),
}

# Words after which the audience is named ("for wine exporters", "I help independent shops").
AUDIENCE_CUES = (
    "for", "i help", "helping", "serving", "who serve", "i serve", "i work with",
    "working with", "i support", "dedicated to", "on behalf of", "specialised in",
    "specialized in",
)
# Small words skipped at the start of an audience or an object, and words that end it.
PHRASE_SKIP = frozenset({"the", "a", "an", "of", "my", "their", "our", "your", "its"})
PHRASE_END = frozenset({"i", "we", "who", "that", "which", "to", "with", "in", "and", "or",
                        "but", "so", "by", "from", "on", "at", "where", "while", "any",
                        "all", "every", "everyone", "anyone"})
# Words too broad to name an audience or a result on their own ("companies").
GENERIC_NOUNS = frozenset({
    "company", "organization", "organisation", "business", "client", "customer", "people",
    "everyone", "anyone", "individual", "team", "project", "partner", "stakeholder", "world",
    "performance", "growth", "success", "value", "result", "idea", "potential", "goal",
    "change", "difference", "impact", "opportunity", "challenge", "role", "position",
    "experience", "skill", "expertise", "environment", "sector", "industry", "field",
    "career", "need", "solution", "excellence", "innovation", "thing", "everything",
    "anything", "something", "operation", "service", "quality", "strategy", "work", "job",
    "level", "scale", "data", "problem",
})
# Verbs a first-person sentence uses to say nothing delivered ("I am", "I love").
NON_RESULT_VERBS = frozenset({
    "be", "am", "have", "do", "seek", "look", "want", "love", "like", "enjoy", "can",
    "will", "bring", "help", "support", "work", "thrive", "join", "believe", "aim", "hope",
    "learn", "grow", "contribute", "manage", "lead", "handle", "oversee", "coach",
})
# Result verbs, as dictionary forms: a deliverable is something done to something.
RESULT_VERBS = frozenset({
    "cut", "reduce", "increase", "deliver", "ship", "save", "automate", "launch", "build",
    "double", "triple", "halve", "recover", "shorten", "lower", "boost", "win", "close",
    "implement", "migrate", "negotiate", "sign", "sell", "hire", "recruit", "prevent",
    "replace", "eliminate", "certify", "raise", "speed", "shave", "clear", "fill", "move",
    "file", "contain", "approve", "accept", "pass", "reach", "turn", "keep", "get", "secure",
    "fix", "resolve", "restore", "design", "write", "draft", "train", "publish",
    "produce", "convert", "land",
})
# Words that announce a result ("zero penalties", "without a single query", "no claim lost").
RESULT_MARKERS = frozenset({"zero", "without", "no", "never", "none"})
# Phrases that are a result on their own.
RESULT_PHRASES = (
    "ahead of", "first time", "on time", "on budget", "on schedule", "instead of",
    "down to", "up from", "in half", "by a third", "by half", "within",
)
# A figure about the candidate, not about a result ("15 years of experience").
EXPERIENCE_PHRASES = ("years of experience", "years' experience", "years experience",
                      "years in")

"""Words for the scale benchmark's corpus: the field's vocabulary mixed with filler, by chance.

Texts are strings of the field's words and phrases (the terms people search trauma-exposed
work with), everyday words and made-up filler words, in roughly the proportions of real
writing: a few words are everywhere, most are rare. They read as word salad on purpose: they
state nothing, name no study and cite nothing. Everything is drawn from one `random.Random`,
so a seed gives the same corpus on every database.
"""

import itertools
import uuid

# The field's words and phrases, most frequent first ("stress" is the common word the benchmark
# searches for; "organisational" is written both ways, as in real texts).
FIELD_PHRASES = [
    "stress", "support", "trauma", "team", "supervision", "burnout", "self-care", "workplace",
    "secondary traumatic stress", "staff", "compassion fatigue", "vicarious trauma", "resilience",
    "well-being", "organizational", "supervisors", "coping", "boundaries", "workload", "caseload",
    "peer support", "reflective supervision", "trauma-informed care", "leadership", "exposure",
    "compassion satisfaction", "ProQOL", "organisational", "organizational culture", "debriefing",
    "critical incident", "psychological safety", "mindfulness", "grounding", "emotional exhaustion",
    "turnover", "retention", "check-in", "team meeting", "peer consultation", "policy", "screening",
    "self-assessment", "employee assistance program", "EAP", "moral distress", "moral injury",
    "intrusive thoughts", "avoidance", "hypervigilance", "sleep", "recovery", "empathy",
    "clinical supervision", "vicarious resilience", "front-line staff", "child welfare",
    "caseworkers", "advocates", "nurses", "first responders", "dispatchers", "clinicians",
    "human resources", "safety plan", "indirect exposure", "absenteeism", "wellbeing", "STS",
    "burn-out", "vicarious traumatization", "Professional Quality of Life",
    "organisational culture",
]  # fmt: skip

# Words so rare that only a handful of texts hold one (the benchmark's "rare word").
RARE_WORDS = ["countertransference", "allostatic", "sensemaking", "compartmentalizing"]
RARE_CHANCE = 0.0004  # per sentence

STOPWORDS = ["the", "of", "and", "to", "in", "for", "with", "a", "is", "on", "at", "as", "by"]

EVERYDAY_WORDS = [
    "work", "people", "time", "day", "week", "month", "year", "plan", "group", "meeting",
    "question", "answer", "notes", "list", "step", "practice", "session", "participant", "trainer",
    "facilitator", "role", "change", "need", "help", "care", "health", "family", "child", "client",
    "case", "visit", "call", "shift", "report", "record", "office", "home", "school", "court",
    "hospital", "agency", "program", "service", "community", "training", "learning", "course",
    "module", "handout", "worksheet", "slide", "guide", "form", "example", "story", "picture",
    "idea", "goal", "choice", "option", "problem", "sign", "signal", "pattern", "feeling",
    "thought", "body", "breath", "voice", "listen", "speak", "write", "read", "share", "ask",
    "name", "describe", "notice", "plan", "review", "check", "pause", "rest", "walk", "talk",
    "meet", "agree", "decide", "begin", "end", "return", "keep", "hold", "leave", "bring", "take",
    "give", "find", "make", "early", "late", "short", "long", "small", "large", "new", "old",
    "first", "last", "next", "simple", "clear", "quiet", "calm", "busy", "safe", "open", "closed",
    "shared", "private", "personal", "professional", "daily", "weekly", "regular", "together",
    "alone", "often", "rarely", "before", "after", "during", "between", "around", "within",
    "across", "each", "every", "other", "several", "many", "few", "manager", "director",
    "colleague", "partner", "worker", "volunteer", "member", "leader", "mentor", "coach", "peer",
    "pair", "round", "table", "chair", "room", "board", "wall", "paper", "pen", "card", "sticky",
    "marker", "timer", "clock", "break", "lunch", "coffee", "water", "space", "place", "time-out",
    "minute", "hour", "morning", "evening", "night", "weekend", "holiday", "season", "change",
    "moment", "skill", "habit", "routine", "rhythm", "balance", "load", "limit", "level",
    "measure", "score", "scale", "item", "rating", "response",
]  # fmt: skip

SYLLABLES = [
    "ba", "ko", "ri", "mel", "tan", "sor", "vi", "den", "lu", "pha", "gri", "mon", "tes", "ral",
    "quo", "nir", "fe", "zo", "dal", "win", "cas", "ter", "bru", "lim", "nop", "sav", "kel", "dro",
    "fin", "gau",
]  # fmt: skip

TOPICS = [
    "Secondary traumatic stress", "Burnout", "Compassion fatigue", "Vicarious trauma",
    "Reflective supervision", "Self-care planning", "Peer support", "Organizational response",
    "Psychological safety", "Boundaries at work", "Workload and caseload", "Moral distress",
    "Debriefing after a critical incident", "Resilience in teams", "Trauma-informed leadership",
    "Compassion satisfaction", "Sleep and recovery", "Grounding skills",
    "Screening with the ProQOL", "The employee assistance program",
]  # fmt: skip
ASPECTS = [
    "what it looks like", "signs to notice", "first steps", "in supervision", "for new staff",
    "a team practice", "planning the week", "talking about it", "after a hard call",
    "in child welfare", "in emergency work", "for HR staff", "for team leads", "a short exercise",
    "questions to ask", "a check-in routine", "making a plan", "keeping it going",
]  # fmt: skip
OBJECTIVE_VERBS = ["Describe", "Name", "Practise", "Plan", "Recognize", "Explain", "List", "Use"]


def filler_words(count):
    """`count` made-up words built from syllables, the same every time."""
    words = []
    for length in (2, 3, 4):
        for parts in itertools.product(SYLLABLES, repeat=length):
            words.append("".join(parts))
            if len(words) == count:
                return words
    return words


class Corpus:
    """Sentences, titles and texts drawn from one random generator."""

    def __init__(self, rng, filler=20_000):
        self.rng = rng
        words = [*EVERYDAY_WORDS, *filler_words(filler)]
        rng.shuffle(words)
        # Zipf's law: the word of rank r is drawn with a weight of 1/r.
        self.words = words
        self.word_weights = list(
            itertools.accumulate(1 / rank for rank in range(1, len(words) + 1))
        )
        self.phrase_weights = list(
            itertools.accumulate(1 / rank for rank in range(1, len(FIELD_PHRASES) + 1))
        )

    def uuid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def phrase(self):
        return self.rng.choices(FIELD_PHRASES, cum_weights=self.phrase_weights)[0]

    def sentence(self, low=8, high=18):
        rng = self.rng
        length = rng.randint(low, high)
        fillers = iter(rng.choices(self.words, cum_weights=self.word_weights, k=length))
        tokens = []
        for _ in range(length):
            draw = rng.random()
            if draw < 0.14:
                tokens.append(self.phrase())
            elif draw < 0.42:
                tokens.append(rng.choice(STOPWORDS))
            else:
                tokens.append(next(fillers))
        if rng.random() < RARE_CHANCE * length:
            tokens.insert(rng.randrange(len(tokens) + 1), rng.choice(RARE_WORDS))
        text = " ".join(tokens)
        return text[0].upper() + text[1:] + "."

    def text(self, low_chars, high_chars):
        """Sentences up to a length drawn between `low_chars` and `high_chars`."""
        wanted = self.rng.randint(low_chars, high_chars)
        sentences, size = [], 0
        while size < wanted:
            sentence = self.sentence()
            sentences.append(sentence)
            size += len(sentence) + 1
        return " ".join(sentences)

    def paragraphs(self, low_chars, high_chars, per_paragraph=500):
        text = self.text(low_chars, high_chars)
        sentences = text.split(". ")
        paragraphs, current = [], []
        for sentence in sentences:
            current.append(sentence)
            if sum(map(len, current)) > per_paragraph:
                paragraphs.append(". ".join(current).rstrip(".") + ".")
                current = []
        if current:
            paragraphs.append(". ".join(current).rstrip(".") + ".")
        return paragraphs

    def title(self):
        return f"{self.rng.choice(TOPICS)}: {self.rng.choice(ASPECTS)}"

    def objective(self):
        sentence = self.sentence(6, 12)
        return f"{self.rng.choice(OBJECTIVE_VERBS)} {sentence[0].lower()}{sentence[1:]}"[:300]

    def short(self, limit):
        """One sentence cut to `limit` characters at a word."""
        sentence = self.sentence()
        if len(sentence) <= limit:
            return sentence
        return sentence[:limit].rsplit(" ", 1)[0] + "."

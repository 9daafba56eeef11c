"""A trainer-only demo file: the facilitator's vignettes and answer key for the activity "Sort the
scenarios" of the module "Burnout, STS and compassion fatigue: telling them apart".

It is printed through the site's PDF pipeline (a tagged PDF), kept in the "Trainer-only
materials" collection and linked to the module as a handout: the demo "trainer" account opens it,
everyone else sees it as a locked entry. Written from the module's own text (its key messages,
activity, facilitator notes and handout); the vignettes are fictional and cite no study.

Create-if-missing like the rest of the demo: found by its title in that collection, and the
module is published again only to add the link, never over an editor's unpublished draft.
"""

from django.core.files.base import ContentFile
from django.db import transaction

from courses.collections import trainer_only_materials
from courses.models import (
    Audience,
    CourseDocument,
    DocumentKind,
    Licence,
    ModuleHandout,
    ModulePage,
)
from materials.pdf import render_pdf

MODULE_SLUG = "burnout-sts-compassion-fatigue"
TITLE = "Sort the scenarios: vignettes and answer key"
FILENAME = "sort-the-scenarios-answer-key.pdf"
DESCRIPTION = (
    "Six fictional vignettes to print as cards for the activity “Sort the scenarios”, with where "
    "each fits best, the cues that point there, a change at work that might help and debrief "
    "prompts. For the facilitator: keep the key away from the groups."
)
ATTRIBUTION = "Written for STS Learn from the module “{title}” of the STS Consortium."

# (name, the card's text, where it fits best, the cues, a change at work that might help)
VIGNETTE_FIELDS = ("number", "name", "card", "fit", "cues", "change")
VIGNETTES = [
    (
        "Dana",
        "Dana’s caseload has grown twice this year and a vacant post has not been filled. She "
        "works through lunch and takes notes home to finish in the evening. Since the team was "
        "reorganized she is no longer sure which tasks are hers. She feels exhausted and says "
        "nothing she does seems to make a difference.",
        "Burnout",
        "Unmanageable caseload, no breaks, unclear roles; exhaustion and hopelessness. Nothing "
        "in the card points to what she hears from the people she serves.",
        "Look at caseloads and staffing, protect breaks, and agree who does what.",
    ),
    (
        "Marcus",
        "After a long interview with a family about a frightening event, Marcus keeps picturing "
        "what they described when he tries to sleep. He now takes a longer route so as not to "
        "drive past their street, and he startles at small noises in the office. His workload is "
        "manageable and he gets on well with his team.",
        "STS",
        "The reactions follow exposure to another person’s trauma and resemble PTSD: intrusion "
        "(the pictures at night), avoidance (the longer route) and arousal (startling). The card "
        "says his workload is manageable.",
        "Supervision that makes room for the emotional impact of the work, a check-in after "
        "hard interviews, and a reminder of the support options.",
    ),
    (
        "Priya",
        "Priya has covered two roles since a colleague left and rarely takes a break. In the "
        "same month several of the people she supports told her about frightening events; she "
        "finds herself thinking about their stories at home and dreading some appointments. She "
        "says she feels worn out and numb.",
        "Both",
        "Workload cues (two roles, no breaks) and exposure cues (thinking about the stories at "
        "home, dreading appointments) together: what the module calls compassion fatigue, often "
        "described as burnout plus STS.",
        "Both kinds of change: relief from the second role, and support with the emotional "
        "impact, such as supervision that makes room for it.",
    ),
    (
        "Sam",
        "Sam’s team has had three managers this year and the rules for paperwork keep changing. "
        "He spends most of the day on forms rather than with the people he serves, and stays "
        "late to catch up. He feels the job cannot be done well any more, although he says the "
        "people’s stories are not what weighs on him.",
        "Burnout",
        "The working conditions (changing rules, paperwork, long hours) and difficulty doing the "
        "job effectively; he says himself that the stories are not the problem.",
        "Settle the procedures, cut the paperwork where possible, and give him a stable "
        "point of contact.",
    ),
    (
        "Jo",
        "Jo has reasonable hours and still enjoys the work. Since supporting a young person "
        "through a frightening disclosure, Jo has steered away from the topic in team meetings, "
        "feels on edge and finds it hard to concentrate.",
        "STS",
        "Avoidance, feeling on edge and poor concentration after hearing another person’s "
        "trauma, with manageable hours. Jo still finds satisfaction in the work (compassion "
        "satisfaction), which is measured separately and can sit alongside STS.",
        "A supervisor who asks how the case is affecting Jo, time to talk it through, and the "
        "support options.",
    ),
    (
        "Lee",
        "Lee supervises a team with two unfilled posts and has no time left for one-to-one "
        "meetings. The team brings Lee the hardest cases, and lately Lee has trouble sleeping "
        "from going over what was heard that day. Lee says, “I’m running on empty.”",
        "Both",
        "Workload (unfilled posts, no time for supervision) and exposure (going over the "
        "hardest cases at night). Groups often place it on one mat and then move it: a good "
        "card to debrief.",
        "Fill or cover the posts, and support for Lee as well: supervisors need someone who "
        "makes room for the emotional impact of their work too.",
    ),
]

BEFORE = [
    "Print the cards for each group: they end before the answer key, which starts on a page of "
    "its own and stays with you.",
    "The vignettes are fictional and free of graphic detail. Read them before the session and "
    "change any that could point to a real colleague or case in the room.",
    "Before the activity, remind the group that these are descriptions, not diagnoses, and "
    "where to find support.",
]

DEBRIEF = [
    "Which cards were hard to place, and what would move them to another mat?",
    "For a card on Burnout: what would change if the person were given more time, clearer "
    "roles or fewer cases? For a card on STS: would those changes be enough on their own?",
    "What does a card on Both ask of the organization that one on a single mat does not?",
    "Naming the problem correctly matters because workload problems and exposure problems call "
    "for different changes. Where in your own work would the right name change what you ask "
    "for?",
]

AFTERWARDS = [
    "Participants may recognize themselves in a card. Acknowledge it, repeat that the cards "
    "describe, not diagnose, and point to support options.",
    "If the talk turns to a specific manager or team, steer it back to the kinds of change that "
    "help, and note any organizational issue for follow-up.",
    "The ProQOL self-assessment looks at compassion satisfaction, burnout and secondary "
    "traumatic stress separately (Stamm, 2010); the module on the ProQOL 5 covers its use.",
]


def answer_key_context(module):
    return {
        "title": TITLE,
        "module": module,
        "vignettes": [
            dict(zip(VIGNETTE_FIELDS, (number, *vignette), strict=True))
            for number, vignette in enumerate(VIGNETTES, start=1)
        ],
        "before": BEFORE,
        "debrief": DEBRIEF,
        "afterwards": AFTERWARDS,
    }


def answer_key_pdf(module):
    """The answer key as a tagged PDF, from templates/print/answer_key.html."""
    return render_pdf("print/answer_key.html", answer_key_context(module))


class TrainerMaterialsLoader:
    def __init__(self, log=print):
        self.log = log
        self.created = 0

    @transaction.atomic
    def load(self):
        """The answer key, and its link from the module; returns how many things it made."""
        module = ModulePage.objects.filter(slug=MODULE_SLUG).first()
        if module is None:
            return self.created
        document = self._answer_key(module)
        self._link(module, document)
        return self.created

    def _answer_key(self, module):
        collection = trainer_only_materials()
        document = CourseDocument.objects.filter(collection=collection, title=TITLE).first()
        if document is not None:
            return document
        content = answer_key_pdf(module)
        document = CourseDocument(
            title=TITLE,
            kind=DocumentKind.FACILITATOR_GUIDE,
            collection=collection,
            description=DESCRIPTION,
            licence=Licence.CC_BY_NC_SA,
            attribution=ATTRIBUTION.format(title=module.title),
            language="en",
            last_reviewed=module.last_reviewed,
            file=ContentFile(content, name=FILENAME),
        )
        document.save()
        document.audiences.set(Audience.objects.filter(slug="trainers"))
        self.created += 1
        self.log(f"  created the trainer-only “{TITLE}”")
        return document

    def _link(self, module, document):
        module = module.specific
        if module.handout_links.filter(document=document).exists():
            return
        if module.has_unpublished_changes:
            self.log(f"  left “{module.title}” alone: it has unpublished changes")
            return
        module.handout_links.add(ModuleHandout(document=document))
        module.save_revision().publish()
        self.created += 1
        self.log(f"  linked the answer key from {module.url}")

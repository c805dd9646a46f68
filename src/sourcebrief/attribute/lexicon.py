"""Word lists for attribution: cue verbs, source nouns, titles, outlets.

Kept as data so that a later cue lexicon learned from annotated news can replace them.
"""

from __future__ import annotations

import re

from babel import Locale
from lemminflect import getAllLemmas

# Verbs that attribute content to a source (lemmas).
CUE_VERBS = frozenset(
    """
    say tell state add claim announce confirm deny report explain note argue insist warn write
    tweet post describe allege acknowledge admit assert suggest emphasize emphasise stress reiterate
    maintain predict promise vow threaten urge accuse contend express dispute question doubt reject
    refute indicate reveal disclose testify recall speak concede observe respond reply answer comment
    estimate hint speculate agree complain charge declare remark caution criticize criticise praise
    blame dismiss rule decline refuse brief inform concur counter retort mention read
    think believe want plan hope expect fear worry feel know demand pledge insist defend blast slam
    discuss offer cite show find call point acknowledge recommend propose predict concede assure
    ask continue
    """.split()
)

# Cues so plainly about speech that whatever their subject names is a source ("The New York
# businessman says", "the ad's narrator says", "The clip says").
STRONG_CUES = frozenset(
    """say tell state claim add argue insist explain announce report write tweet assert contend
    maintain reiterate stress emphasize emphasise allege acknowledge admit concede testify""".split()
)

# Cue verbs that are only attributions when the verb has clausal content, not any object
# ("added a clause", "posted a photo", "charged a fee").
CLAUSE_ONLY_CUES = frozenset(
    """add post charge rule answer note ask mention praise declare agree indicate reveal promise think read
    know feel show find hope expect fear worry want plan point""".split()
)

# Cues whose content may be a prepositional phrase ("warned of flooding", "called for calm").
PREP_CONTENT_CUES = frozenset("warn complain testify call speak talk comment boast brag joke".split())
# The prepositions that introduce what was said ("warned of", "called for", "spoke about");
# others say where, when or to whom ("spoke at", "talked with").
CONTENT_PREPOSITIONS = frozenset("about on of for against over regarding concerning".split())
# Objects of a preposition after such a cue that say on what terms someone spoke, not what
# ("spoke on condition of anonymity", "on behalf of the family", "on background").
TERMS_OF_SPEAKING = frozenset("condition behalf background record".split())

# Denials are speech when what is denied is a claim, not a thing ("denied funding" is an act).
DENIAL_CUES = frozenset("deny reject dismiss refute".split())
DENIABLE_NOUNS = frozenset(
    """knowledge claim claims report reports allegation allegations accusation accusations charge charges
    wrongdoing involvement responsibility rumor rumors rumour rumours suggestion suggestions story
    stories account accounts idea notion existence""".split()
)

# Nouns that make an unnamed subject a source ("officials said", "a spokesperson said").
SOURCE_NOUNS = frozenset(
    """
    official officials source sources spokesperson spokesman spokeswoman spokespeople people person
    aide aides adviser advisers advisor advisors diplomat diplomats insider insiders staffer staffers
    witness witnesses resident residents analyst analysts expert experts lawmaker lawmakers
    investigator investigators prosecutor prosecutors officer officers police authorities
    member members employee employees worker workers representative representatives observer
    observers critic critics supporter supporters activist activists protester protesters
    doctor doctors scientist scientists researcher researchers lawyer lawyers attorney attorneys
    associate associates ally allies colleague colleagues friend friends relative relatives family
    neighbour neighbours neighbor neighbors campaigner campaigners organizer organizers organiser organisers
    leaders opponent opponents demonstrator demonstrators voter voters candidates hosts executive
    executives ceo ceos
    """.split()
)

# Nouns for unnamed institutions that speak as one ("the ministry said").
ORGANIZATION_NOUNS = frozenset(
    """
    government ministry department agency military army navy administration campaign committee
    police authority authorities court council company firm embassy office parliament party group organization
    organisation association coalition union foundation institute center centre network
    cabinet hospital movement commission board university consultancy charity watchdog bank
    """.split()
)

# Quantities that stand for people ("many said", "twelve percent said", "most agreed").
QUANTITY_WORDS = frozenset("many some most few several half majority percent others all both one".split())

# Nouns for documents that speak for whoever issued them ("a CBS News report said").
DOCUMENT_NOUNS = frozenset(
    """report statement study release memo letter filing tweet post survey poll data figures advisory analysis
    summary notice""".split()
)
# Writings, recordings and findings beside DOCUMENT_NOUNS that a source can be ("the constitution
# says", "the video shows", "an investigation by PolitiFact found"): a source headed by one of these
# is its issuer where one is named, else a document, not an unnamed person.
RECORD_NOUNS = frozenset(
    """constitution bill law motion ruling verdict order complaint lawsuit document guideline guidelines
    transcript video footage recording audio photo photograph image page book article editorial
    column message email e-mail text map chart record records investigation inquiry probe review audit""".split()
)
# Cues that report speech only with a quotation beside them ('"...," he continued').
QUOTE_ONLY_CUES = frozenset({"continue"})
# Verbs by which someone puts out a writing that then speaks for them ("issued a statement saying").
ISSUING_VERBS = frozenset("issue release put post send publish write tweet deliver circulate".split())
# What is told, where "tell" has no one it is told to ("told the story of ...").
TOLD_THINGS = frozenset("story tale truth lie joke anecdote account version history".split())
# Cues that only a writing takes as its subject: "Trump's statement read: ...", not "he read it".
WRITTEN_CUES = frozenset({"read"})

# Cues that say what someone or something is, in an "as" phrase after the object ("described the
# deal as toothless"): the object and the phrase are what was said.
DESCRIBING_CUES = frozenset("describe characterize characterise portray depict label brand dub cast paint".split())

# Nouns for what someone said, which speak for whoever they belong to ("his comments suggest",
# "Trump's tweet said").
UTTERANCE_NOUNS = frozenset(
    "comment remark word statement tweet post letter testimony speech response answer reply message".split()
)

PRONOUNS_PERSON = frozenset("he she him her his".split())  # "his claim that ..." too
PRONOUNS_GROUP = frozenset("they them their".split())
PRONOUNS_THING = frozenset("it its".split())
# Outside quotation marks, "I" and "we" are the writer (op-eds, letters, columns).
PRONOUNS_WRITER = frozenset("i we".split())
# Every form of the first person: a role in these words is the speaker's own ("threatening my life").
FIRST_PERSON = frozenset("i me my mine myself we us our ours ourselves".split())

# Where a person stands in a photograph, bracketed after the name in captions ("Meng Xiangyan
# (centre)", "her son (pictured)"): no role.
PICTURE_POSITIONS = frozenset("left right centre center middle pictured above below top bottom inset".split())

# Countries and territories by their English names (CLDR, as Babel ships it): the entity tagger
# sometimes takes one for a person ("Malawi confirmed its first infections").
COUNTRIES = frozenset(name for code, name in Locale("en").territories.items() if code.isalpha())
# Days by their English names (CLDR, as Babel ships it), and the days named by when; not months,
# which are people's names too (Theresa May, April Ryan).
CALENDAR_WORDS = frozenset(name.lower() for name in Locale("en").days["format"]["wide"].values()) | frozenset(
    {"today", "yesterday", "tomorrow", "tonight"}
)
# Titles that say nothing of what a person does: no role ("Mme Spanton" is Spanton, no "Mme").
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mme", "mlle"})
# Dropped from a role where the article says more of the person (speakers._without_honorific).
HONORIFICS = frozenset({"dr"})
# Honorifics and titles stripped from the front of a person's name; kept as their role.
TITLE_WORDS = frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. rep rep. sen sen. gov gov. lt lt. gen gen. col col. sgt sgt. prof prof.
    adm adm. rear capt capt. cmdr cmdr. maj maj. cpl cpl. pvt pvt. det det. insp insp. supt supt. ofc ofc.
    president vice secretary minister senator representative governor mayor judge justice chancellor
    king queen prince princess pope sir dame ambassador general admiral chairman chairwoman
    councilman councilwoman councillor councilor congressman congresswoman assemblyman assemblywoman
    sheriff detective inspector professor commissioner superintendent captain lieutenant sergeant
    coach manager owner founder ceo cfo chief executive director producer editor anchor host
    economist attorney prosecutor lawyer doctor nurse pastor bishop rabbi imam rev rev. father deputy acting
    spokesman spokeswoman spokesperson officer agent colonel major corporal private marshal brigadier
    commodore commander cardinal archbishop
    legislator lawmaker mme mme. mlle mlle.
    """.split()
)

# Head nouns of title-only references to one person ("the President said", "The Vice President").
ROLE_NOUNS = frozenset(
    """
    president minister secretary senator governor mayor leader ambassador chancellor spokesperson
    spokesman spokeswoman premier chairman chairwoman chair director chief commissioner envoy
    adviser advisor speaker whip king queen prince pope judge justice general commander nominee
    candidate host moderator head
    """.split()
)

# Words that end an institution's name inside a long title ("House Intelligence Committee ...").
INSTITUTION_WORDS = frozenset(
    "committee house senate council department ministry party agency office court commission union".split()
)

# Nouns for unnamed news outlets ("according to state media").
OUTLET_NOUNS = frozenset("media television tv radio newspaper paper magazine broadcaster network outlet press".split())
# Nouns that name an outlet after "news" ("the Walla news site", "news agency Fars").
NEWS_NOUNS = frozenset("site website agency organization network service channel portal".split())

# Words in an organization's name that mark it as a news outlet.
OUTLET_WORDS = re.compile(
    r"\b(news|times|post|journal|reuters|associated press|ap|afp|bbc|cnn|nbc|abc|cbs|fox|msnbc|npr|"
    r"bloomberg|guardian|telegraph|tribune|herald|gazette|politico|axios|record|wire|press|daily|"
    r"magazine|radio|television|tv|al jazeera|wikinews|independent|economist|observer|chronicle|insider)\b"
    r"|\w\.(com|net|org|co\.uk)\b",  # a site by its address: "Haaretz.com", "ESPN.com"
    re.IGNORECASE,
)

# Verbs whose object is an outlet a source spoke to ("told CBS News", "spoke to Reuters").
CONDUIT_VERBS = frozenset("tell speak talk".split())

# Adverbs that say a claim is someone's without saying whose ("has reportedly issued"): the
# verb's subject is whom the claim is about, never its source.
HEARSAY_ADVERBS = frozenset("reportedly allegedly purportedly reputedly supposedly".split())
# Modals that make a cue the writer's guess ("may be seeking", "might decide"), not a report.
CONJECTURE_MODALS = frozenset("may might could".split())


def a_describing_word(word: str) -> bool:
    """A word English knows only as an adjective or adverb ("tragic", "heavily") or as a verb's
    participle ("overwhelmed", "rousing"): never a name, however the entity tagger reads it at
    the start of a caption or sentence."""
    classes = getAllLemmas(word.lower())
    if classes and set(classes) <= {"ADJ", "ADV"}:
        return True
    return set(classes) == {"VERB"} and word.lower() not in classes["VERB"]


# Editors' labels before a colon ("NOTE: We got taken on this one!"), by their first word: no
# speakers.
EDITORIAL_LABELS = frozenset(
    "note update updated related correction clarification watch video photos photo breaking read see listen".split()
)
# An interview's labels for question and answer ("Q: ...", "A: ..."): no speakers.
INTERVIEW_LABELS = frozenset({"Q", "A"})
# Verbs that move someone to do what the infinitive after their object says ("prompted some users
# to argue", "led the maker to announce"): the object is who spoke.
MOVING_VERBS = frozenset("lead prompt cause force spur inspire compel".split())
# Words for where someone is in life that tabloids run into a name ("Widower Stan Beaton", "Mum
# Meng Xiangyan"): the entity tagger takes them for part of it.
LIFE_NOUNS = frozenset(
    """mum mom dad widow widower pensioner grandmother grandfather gran granny grandad grandma grandpa
    schoolgirl schoolboy teenager toddler newlywed local resident villager neighbour neighbor""".split()
)

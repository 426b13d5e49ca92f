"""The cue lexicon and every tunable constant of the extractor, in one place.

Why one module: the rules elsewhere are generic (find a cue, find the noun
phrase that speaks, name it); what changes between corpora and languages is
the word lists and thresholds, so they live here where a reviewer can read
them at a glance and a benchmark run can tune them without touching logic.

All words are matched case-insensitively unless said otherwise, and all
multi-word cues allow any run of whitespace (newline, NBSP) between words.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------
# Statement cues
# --------------------------------------------------------------------------

#: Fixed multi-word cues, matched before single verbs (longest first). The
#: value is the role of what follows the cue: "via" (an outlet or medium that
#: carried the words), "source" (the speaker follows), or None.
PHRASE_CUES: dict[str, str | None] = {
    "were quoted as saying by": "via",
    "was quoted as saying by": "via",
    "said in an interview with": "via",
    "says in an interview with": "via",
    "told a press conference": None,
    "told a news conference": None,
    "told a briefing": None,
    "was heard saying": None,
    "were heard saying": None,
    "was quoted as saying": None,
    "were quoted as saying": None,
    "made it clear": None,
    "makes it clear": None,
    "made clear": None,
    "makes clear": None,
    "made the case": None,
    "makes the case": None,
    "went on to say": None,
    "goes on to say": None,
    "made a point of saying": None,
    "makes a point of saying": None,
    "put it": None,
    "puts it": None,
    # public stances and attacks made in words
    "took aim at": None,
    "takes aim at": None,
    "take aim at": None,
    "took issue with": None,
    "takes issue with": None,
    "take issue with": None,
    "raised questions about": None,
    "raises questions about": None,
    "raised concerns about": None,
    "raises concerns about": None,
    "raised doubts about": None,
    "cast doubt on": None,
    "casts doubt on": None,
    "came out against": None,
    "comes out against": None,
    "came out in favor of": None,
    "came out in support of": None,
    "threw his support behind": None,
    "threw her support behind": None,
    "threw their support behind": None,
    "poured cold water on": None,
    "pours cold water on": None,
    # estimates in wire copy: "The ministry put the figure at nine."
    "put the figure at": None,
    "puts the figure at": None,
    "put the death toll at": None,
    "puts the death toll at": None,
    "put the toll at": None,
    "puts the toll at": None,
    "put the number at": None,
    "puts the number at": None,
}

#: Verbs that set the scene of a statement rather than make one ("X,
#: speaking to reporters, said", "Peskov, answering a question, said").
SETTING_VERBS: frozenset[str] = frozenset("speak talk answer respond reply address".split())

#: The verb lexicon by family, as lemmas; ``lexicon.py`` inflects them
#: (says/said/saying) and builds one matcher. ``statement`` verbs report
#: words (speech acts: saying, asking, praising, accusing); ``belief`` verbs
#: report a mind (cognition: "X believes"; intention: "X wants"; stance:
#: "X supports"), typed apart as citation kind ``belief``; ``evidence``
#: verbs report what a document or body of data shows ("a poll found") and
#: count only with such a subject (``EVIDENCE_NOUNS``, an outlet or an
#: organisation).
VERB_FAMILIES: dict[str, tuple[str, str]] = {
    # family: (kind, lemmas)
    "speech": ("statement", """
        say tell add estimate warn announce deny explain whisper claim report
        tweet write state note confirm insist stress argue admit declare recall
        predict allege acknowledge ask respond reply answer describe suggest
        concede urge promise vow pledge accuse criticize criticise praise blame
        defend dismiss reject mock joke quip complain lament bemoan boast brag
        repeat reiterate emphasize emphasise mention question charge assert
        contend reveal disclose remark shout yell chant scream propose attack
        blast slam condemn denounce decry thank congratulate retort quote cite
        post retweet email testify discuss caution threaten demand tout
        hail applaud laud credit chide rebuke assail deride ridicule scold
        hammer inform indicate imply hint apologize protest proclaim publish
        detail recount characterize portray dub label deem observe concur
        disagree agree reaffirm downplay elaborate object call continue
        lash rail point refer talk speak weigh counter muse rebut decline express
        offer issue assure reassure remind highlight echo encourage plead
        lecture interject reference needle taunt lambaste excoriate berate
        fault dispute challenge signal voice comment speculate forecast
        recommend liken invoke read posit grouse exclaim opine fume marvel surmise
        tease preach vent sniff affirm chime
    """),
    "cognition": ("belief", """
        believe think know feel fear worry hope expect doubt suspect assume
        conclude view consider regard understand realize realise recognize see
        recognise learn remember wonder imagine reckon trust anticipate
        foresee
    """),
    "intention": ("belief", """
        want plan seek intend aim wish prefer refuse vote campaign
        push strive
    """),
    "stance": ("belief", """
        support oppose favor favour back endorse welcome embrace champion
        advocate resist dislike balk
    """),
    "evidence": ("statement", """
        show find demonstrate illustrate document project
    """),
}

#: Adjectives that report a stance or a mind after a copula, with the word
#: that must follow ("Cruz is critical of", "voters are skeptical of", "she
#: remains confident that"): family -> {adjective: particles}. Picked by
#: their cue rate on PolNeAR train; "likely to", "able to" and "ready to"
#: (under 15%) are not cues, nor "aware of" and "committed to" (right 3 of 8
#: and 1 of 3 times as cues here; the rest ran at 65%).
ADJECTIVE_CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "stance": {
        "critical": ("of",), "skeptical": ("of", "about"), "sceptical": ("of", "about"), "supportive": ("of",),
        "opposed": ("to",), "hostile": ("to",), "sympathetic": ("to",), "adamant": ("that", "about"),
        "eager": ("to",), "reluctant": ("to",), "unwilling": ("to",), "wary": ("of",), "outspoken": ("about",),
        "enthusiastic": ("about",), "proud": ("of", "that"),
    },
    "cognition": {
        "confident": ("that", "in", "of"), "convinced": ("that", "of"), "hopeful": ("that", "of", "about"),
        "optimistic": ("that", "about"), "pessimistic": ("about", "that"), "worried": ("that", "about"),
        "concerned": ("that", "about"), "certain": ("that",), "unsure": ("of", "about", "whether"),
    },
}

#: Verbs that count only with one of these particles after them ("pointed
#: out", "refers to", "talked about"); the particle is part of the cue.
PARTICLE_VERBS: dict[str, tuple[str, ...]] = {
    "point": ("out", "to"), "refer": ("to",), "talk": ("about", "up", "to"), "speak": ("about", "of", "to", "with", "out"),
    "lash": ("out",), "rail": ("against",), "weigh": ("in",), "push": ("for", "back", "to"), "campaign": ("for", "against"),
    "vote": ("for", "against"), "call": ("for", "on"), "strive": ("for",), "chime": ("in",),
}
#: ... and verbs whose particle is optional but, when present, joins the cue.
OPTIONAL_PARTICLES: dict[str, tuple[str, ...]] = {"call": ("for", "on")}

#: Verbs whose base form is too often another word ("back", "point",
#: "counter"): only their inflected forms are cues.
NO_BASE_FORM: frozenset[str] = frozenset("back counter credit charge post text object state note figure".split())

#: Particles that turn a cue verb into another verb ("backed off",
#: "called off", "pointed at").
NOT_CUE_PARTICLES: dict[str, tuple[str, ...]] = {
    "back": ("off", "away", "down", "up", "out"), "call": ("off", "up", "in"), "push": ("up", "down"),
    "post": ("up",), "show": ("up", "off"), "plan": ("ahead",),
    "find": ("out", "himself", "herself", "itself", "themselves", "ourselves", "myself"),  # "found herself in a race"
    "think": ("tank", "tanks"),  # "a Washington-based think tank"
    "charge": ("with", "after", "over", "for"),  # "Former aide charged with lying", "Teen charged after crash": an indictment, not words
    "thank": ("to",),  # "thanks to Trump": because of
    "add": ("to",),  # "adding to her lead": increasing
    "write": ("off",),  # "has written off efforts": dismissed
    "slam": ("into",),  # "slamming into the crowd": a collision
    "know": ("as", "by", "for", "online"),  # "also known as ISIS", "known for his temper": a name or a fame
}

#: Verbs that are no cue with one of these words later in their clause
#: ("has known Trump since the 1970s", "known them for decades").
NOT_CUE_COMPLEMENTS: dict[str, tuple[str, ...]] = {"know": ("since", "for")}

#: Nouns after which a cue's -ing form reports results, not words ("with
#: 99 percent of precincts reporting").
NOT_CUE_AFTER: dict[str, frozenset[str]] = {"report": frozenset("precincts precinct districts counties".split())}

#: Inflected forms that are far more often nouns ("the swing states", "her
#: emails", "the Paris attacks"): never cues.
EXCLUDED_FORMS: frozenset[str] = frozenset("states email emails posts texts attacks quotes credits charges".split())

#: Lemmas whose base and -s forms are also nouns ("Republican support",
#: "Democratic plans"): with those forms the subject may not be a lone
#: nationality or party adjective.
NOUN_HOMOGRAPHS: frozenset[str] = frozenset(
    "support attack plan claim call report view hope fear demand question vote want promise pledge back favor"
    " remark comment offer note issue champion advocate".split()
)

#: Irregular forms (third person, past, participle, -ing default by rule).
IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",),
    "know": ("knew", "known"), "feel": ("felt",), "seek": ("sought",), "find": ("found",),
    "speak": ("spoke", "spoken"), "understand": ("understood",), "foresee": ("foresaw", "foreseen"),
    "show": ("showed", "shown"), "learn": ("learned", "learnt"), "lay": ("laid",), "see": ("saw", "seen"),
    "read": ("read",),
}

#: Verbs doubling their last consonant (planned, slammed, admitted).
DOUBLING: frozenset[str] = frozenset("plan slam admit quip refer prefer rebut".split())

#: The "say" core: a sentence with one of these finite cues needs no
#: participle record for the same act ("said ..., warning that" is still a
#: second claim and gets its own record; see ``statements``). These also may
#: stand before their subject ("..., said X") and match in Title Case.
CORE_SPEECH: frozenset[str] = frozenset(
    """
    say says said tell tells told add adds added estimate estimates estimated
    warn warns warned announce announces announced deny denies denied
    explain explains explained whisper whispers whispered claim claims claimed
    report reports reported tweet tweets tweeted wrote writes stated
    noted confirmed confirms insisted insists stressed argued admitted
    declared recalled predicted alleged acknowledged asked asks replied
    responded continued
    """.split()
)

#: Verbs besides the "say" core that may stand before their subject after a
#: quotation or a comma, when a name follows ("“...,” posted Sharon Geyer").
INVERTED_SPEECH: frozenset[str] = frozenset("posted commented joked quipped countered cautioned".split())

#: Words after which an -ing cue continues the sentence's source ("...,
#: adding", "before adding") rather than modifying a noun.
PARTICIPLE_OPENERS: frozenset[str] = frozenset("after before while by and then when without also".split())

#: Documents through which their author speaks: "filed a lawsuit alleging",
#: "ran editorials pushing", "sent an email vowing".
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """
    lawsuit lawsuits suit petition petitions editorial editorials email emails
    e-mail tweet tweets statement statements letter letters ad ads post posts
    memo complaint resolution op-ed column video videos message messages
    release op-eds motion brief filing
    """.split()
)

#: Verbs that report a belief only with one of these words after them in
#: the clause ("sees Clinton as weak", "saw that the deal was dead"), and are
#: perception otherwise ("saw the video").
COMPLEMENT_VERBS: dict[str, tuple[str, ...]] = {"see": ("as", "that")}

#: Verbs that report a belief only when a clause follows them at once
#: ("feels he can win", "felt that", "felt Obama had"; a subject pronoun,
#: a name, or one of these words), and a state otherwise ("felt betrayed",
#: "feels confident", "felt so universal", "feels free").
CLAUSE_VERBS: dict[str, tuple[str, ...]] = {"feel": ("that", "like")}

#: Verbs that attribute only when punctuation or a quotation follows
#: ("he continued: ..."; "“...,” the sign read."); otherwise they are aspect
#: ("continues to run") or no speech ("read the report").
PUNCT_ONLY_VERBS: frozenset[str] = frozenset("continue read".split())

#: Words that may follow the head noun of a common-noun source ("sources in
#: the camp", "officials close to", "women held in").
NOUN_TAIL_WORDS: frozenset[str] = frozenset(
    """
    in at on of from with for close familiar held living working based who
    inside near within across around
    """.split()
)

#: Cues that count inside a quotation (relayed speech: "He told my daughter
#: ..." inside the mother's quote); other verbs there are the speaker's
#: narration.
NESTED_CUES: frozenset[str] = CORE_SPEECH - frozenset("asked asks replied responded continued".split())

#: Labels before a colon that are page furniture, not speakers ("UPDATE:",
#: "Editor's note:", "Photo:").
COLON_LABELS: frozenset[str] = frozenset(
    """
    update updated note editor editor's editors correction clarification
    disclosure photo photos video watch listen read related source sources
    credit image caption breaking exclusive analysis opinion also more see
    subject re from to cc date time location where when what why how who
    warning tags tag category filed posted published email tel phone fax
    wow latest revealed busted confirmed twitter facebook instagram youtube
    transcript full text q&a faq explainer factbox timeline leaked фото фотография снимок picture pictures images
    contributing contributors byline paid look bombshell shocking
    """.split()
)
#: Labels that close a line before a colon ("Photo credit:", "Editor's note:").
COLON_LABELS_LAST: frozenset[str] = frozenset(
    "note credit credits caption update updated correction clarification disclosure transcript text video photo photos".split()
)

#: Pronouns whose "'s" is "has" or "is" before a verb ("he's said", "who's called").
HAS_CONTRACTED: frozenset[str] = frozenset("he she it who that there what".split())

#: Forms of "be": a past participle after one is passive ("was asked"), an
#: -ing form after one is progressive ("is seeking").
BE_FORMS: frozenset[str] = frozenset("is are was were be been being am ’s 's".split())
#: Copulas before an adjective cue (``ADJECTIVE_CUES``): "is", "remains", "grew", "has been".
COPULAS: frozenset[str] = BE_FORMS | frozenset(
    "’re 're ’m 'm remain remains remained seem seems seemed appear appears appeared feel feels felt grew grow grown"
    " become became becomes".split()
)

#: Heads of subjects that may "show" or "find" (evidence verbs).
EVIDENCE_NOUNS: frozenset[str] = frozenset(
    """
    poll polls survey surveys study studies report reports data analysis
    analyses review investigation investigations records record documents
    document filings filing figures numbers results research audit tests
    test evidence emails memo memos statistics estimates estimate count
    tally projections model models findings probe inquiry census returns polling
    footage transcript transcripts outcome
    """.split()
)

#: Verbs that name the platform they went through: via is that platform.
PLATFORM_VERBS: dict[str, str] = {"tweet": "Twitter", "tweets": "Twitter", "tweeted": "Twitter"}

#: Cues whose source follows them ("according to X", "warnings by X").
SOURCE_AFTER_CUES: tuple[str, ...] = (
    "according to",
    "warnings by",
    "warning by",
    "statements by",
    "statement by",
    "remarks by",
    "claims by",
    "in the words of",
    "to quote",
    "as reported by",
    "as first reported by",
)

#: "Y published ... it said were sent by Z": how far (characters) the object
#: may run between "published" and "it said".
RELAY_MAX_GAP = 200

#: Words that, right before a cue word, show it is a noun ("the reports").
DETERMINERS: frozenset[str] = frozenset(
    "the a an this that these those its his her their our my your such".split()
)

#: Words that count a noun phrase: "three people familiar with the matter".
QUANTIFIERS: frozenset[str] = frozenset(
    "one another two three four five six seven eight nine ten several many some few both multiple".split()
)

# --------------------------------------------------------------------------
# Noun phrases: what can speak
# --------------------------------------------------------------------------

#: Clause openers: the subject of a cue starts after the last of these.
CLAUSE_WORDS: frozenset[str] = frozenset(
    """
    after before that when while because since but as if though although until
    whereas so where once unless whether why how whenever wherever
    """.split()
)

#: Words between a subject and its verb that are not part of the subject.
AUXILIARIES: frozenset[str] = frozenset(
    """
    has have had is was were are be been will would could should can may might
    also previously repeatedly earlier later then reportedly once again already
    further still just now first recently initially allegedly publicly
    privately separately not never often do does did must n't don’t doesn’t
    didn’t don't doesn't didn't won’t won't wouldn’t wouldn't cannot can’t
    can't still strongly clearly long even since however overall itself
    himself herself themselves
    """.split()
)

#: Verbs that cannot sit inside a subject noun phrase.
FINITE_BLOCKERS: frozenset[str] = frozenset(
    "is are was were be been has have had will would could should can may might do does did".split()
)

PRONOUNS: dict[str, str] = {
    "he": "person", "she": "person", "they": "group", "it": "organization",
    "who": "any", "which": "any",
}
FIRST_PERSON: frozenset[str] = frozenset("i we me us my our mine ours myself ourselves".split())

#: Common nouns that can be a source ("a Kurdish official", "Observers").
#: Plurals and collectives are typed ``group``, the rest ``unnamed``.
SOURCE_NOUNS: frozenset[str] = frozenset(
    """
    official officials minister ministers spokesman spokeswoman spokesperson
    spokespeople representative representatives source sources observer
    observers relative relatives resident residents expert experts witness
    witnesses analyst analysts activist activists diplomat diplomats
    correspondent correspondents reporter reporters journalist journalists
    media woman women man men mother mothers father fathers grandmother
    grandfather husband wife son daughter brother sister people person
    authorities authority ministry administration government police army
    military prosecutor prosecutors monitor agency agencies group groups
    statement report reports data survey study officer officers soldier
    soldiers doctor doctors lawyer lawyers leader leaders commander
    commanders investigators investigator critics critic supporters
    campaigners lawmakers lawmaker senator senators deputy deputies
    participants members member director chief head president kremlin
    embassy office department council committee court parliament newspaper
    outlet website channel force forces poll polls voters voter americans
    republicans democrats conservatives liberals candidates candidate
    aides aide advisers adviser allies ally donors donor delegates delegate
    staff staffers opponents rivals nominee campaign email e-mail tweet
    post message
    """.split()
)

#: More people and bodies that speak, by role; plurals in -s of these and of
#: ``SOURCE_NOUNS`` count too.
ROLE_NOUNS: frozenset[str] = frozenset(
    """
    judge jury justice actor actress host anchor moderator candidate nominee
    governor mayor chairman chairwoman speaker congressman congresswoman
    pollster strategist consultant economist professor author writer editor
    columnist commentator historian scholar researcher scientist attorney
    prosecutor detective sheriff manager executive ceo founder owner worker
    employee student teacher parent citizen veteran immigrant refugee
    protester demonstrator supporter backer opponent ally friend neighbor
    colleague secretary chief president senator lawmaker legislator delegate
    advocate advocacy organizer organiser volunteer insider operative aide
    adviser advisor staffer surrogate donor fundraiser lobbyist banker
    investor businessman businesswoman entrepreneur billionaire millionaire
    celebrity singer rapper comedian star player coach athlete pastor priest
    bishop cleric imam rabbi nun doctor nurse physician surgeon psychologist
    officer agent trooper guard spokesperson representative envoy ambassador
    consul diplomat negotiator mediator moderator panelist participant
    respondent voter resident villager farmer miner driver pilot soldier
    marine sailor general admiral colonel captain lieutenant sergeant
    commander chancellor premier minister king queen prince princess monarch
    emperor pope cardinal dean provost principal superintendent commissioner
    regulator inspector auditor investigator examiner coroner clerk counsel
    lawyer plaintiff defendant witness victim survivor relative widow
    husband wife mother father son daughter brother sister uncle aunt
    grandmother grandfather family crowd audience fan follower reader viewer
    listener user blogger journalist reporter correspondent photographer
    producer director publisher spokesman spokeswoman official source expert
    analyst observer critic skeptic sceptic conservative liberal progressive
    moderate independent republican democrat libertarian socialist
    campaign party committee organization organisation company firm network
    magazine newspaper site blog paper panel commission board union
    coalition alliance caucus delegation team staff leadership
    establishment group poll survey study report percent many most some
    several others few majority half associate confidant confidante partner
    counterpart rival challenger incumbent contender hopeful frontrunner
    front-runner loyalist acolyte pundit specialist proponent commenter
    lawsuit suit letter missive petition complaint indictment affidavit
    ruling ad advertisement commercial editorial column op-ed piece
    article book manifesto platform page release projection
    forecast transcript polling school university college hospital
    """.split()
)

#: Polling firms and survey centres, cited for what their data show
#: ("Gallup finds", "Quinnipiac found"): organisations, whose evidence
#: verbs count like a poll's.
POLLSTERS: frozenset[str] = frozenset(
    name.strip()
    for name in """
    Gallup | Pew | Pew Research Center | Quinnipiac | Quinnipiac University | Rasmussen |
    Rasmussen Reports | Marist | Marist College | Monmouth | Monmouth University | YouGov | Ipsos |
    Morning Consult | Public Policy Polling | Emerson | Emerson College | Siena | Siena College |
    Edison Research | SurveyUSA | Harris Interactive | Zogby | Selzer | Selzer & Co. |
    Levada | Levada Center | Левада-центр | VTsIOM | ВЦИОМ | ФОМ
    """.lower().split("|")
)

#: Heads that make a common-noun source a government body.
GOVERNMENT_NOUNS: frozenset[str] = frozenset(
    """
    ministry administration government police army military prosecutor
    prosecutors kremlin embassy office department council parliament court
    duma cabinet presidency force forces
    """.split()
)

#: Plural/collective heads typed ``group`` (besides any plural in -s).
GROUP_NOUNS: frozenset[str] = frozenset(
    "media people authorities women men police military data many most some several others few both majority percent half".split()
)

#: Words in a capitalised name that make it an organisation, not a person.
ORG_WORDS: frozenset[str] = frozenset(
    """
    observatory ministry office council committee organization organisation
    center centre agency service services party union army forces
    administration government kremlin foundation institute university court
    commission bank company rights front movement association department
    police fund network corporation group church parliament duma senate
    assembly embassy coalition alliance federation league board bureau
    authority directorate guard command unit brigade college school academy
    society trust hospital confederation institution firm nations
    """.split()
)

#: Name words of a government body ("Interior Ministry", "the Kremlin").
GOVERNMENT_WORDS: frozenset[str] = frozenset(
    """
    ministry kremlin government administration office service army police
    parliament duma senate embassy directorate command prosecutor council
    """.split()
)

#: Titles and roles stripped from the front of a person's name.
TITLE_WORDS: frozenset[str] = frozenset(
    """
    president vice prime minister deputy foreign defense defence interior
    director chief head senator sen gen general col colonel lt maj major
    dr mr mrs ms mme prof professor secretary spokesman spokeswoman
    chancellor king queen prince princess pope governor gov mayor ambassador
    chairman chairwoman chair leader commander officer ceo founder
    activist official envoy adviser advisor aide judge justice rep
    representative speaker sheikh imam rabbi father sister saint st pastor rev reverend bishop cardinal
    state affairs human rights security intelligence federal national
    first former acting interim top senior mp mep executive member
    secretary-general director-general attorney-general solicitor-general attorney
    """.split()
)

#: Bodies "the <word>" names after the text has named one in full ("the
#: foundation" -> the Clinton Foundation); not "party", "group" or
#: "organization", which are as often another body than the last one named.
NAMED_BODIES: frozenset[str] = frozenset(
    "foundation institute university union church committee board commission court bank company corporation hospital"
    " college academy".split()
)

#: What a story calls a company it has named ("the chipmaker said"): the
#: company the text last named, when it writes one as a company's name.
COMPANY_EPITHETS: frozenset[str] = frozenset(
    """
    company firm chipmaker carmaker automaker retailer lender insurer airline
    manufacturer conglomerate startup giant
    """.split()
)

#: Titles that name one person in an article ("the governor", headline
#: "..., governor says"): resolved to the person the text gives the title.
NAMED_TITLES: frozenset[str] = frozenset(
    "president governor mayor chancellor senator ambassador pope king queen premier".split()
)

#: Lowercase particles allowed inside a person's or organisation's name.
NAME_PARTICLES: frozenset[str] = frozenset(
    "al el bin ibn de del della der van von da di du la le of for and the y &".split()
)

#: Countries and capitals used as sources ("Turkey has denied", "Ankara
#: said"): typed ``government``; never a person when resolving pronouns.
PLACES: frozenset[str] = frozenset(
    """
    russia turkey syria iraq iran israel ukraine france germany britain
    china japan india pakistan afghanistan egypt jordan lebanon qatar
    saudi america usa u.s. uk u.k. us italy spain poland georgia armenia
    azerbaijan kazakhstan belarus moscow ankara damascus baghdad tehran
    washington beijing paris berlin london kyiv kiev brussels tokyo
    jerusalem cairo riyadh doha europe nato eu greece cyprus sweden
    finland norway denmark netherlands belgium austria switzerland hungary
    romania bulgaria serbia libya sudan yemen tunisia algeria morocco
    chechnya dagestan kurdistan crimea canada mexico brazil australia korea
    """.split()
)

#: What follows a cue verb when nothing was said: "asked not to be named",
#: "declining to be identified",
#: "spoke on condition of anonymity", and, after a negation, "did not
#: respond to a request for comment".
NOTHING_SAID_AFTER = re.compile(
    r"[ \t\n\u00a0]+(?:(?P<anonymous>(?:not\s+)?to\s+be\s+(?:named|identified|quoted)|for\s+anonymity"
    r"|on\s+(?:the\s+)?condition\s+of\s+anonymity)"
    r"|(?:immediately\s+)?to\s+(?:(?:a|an|the|repeated|multiple|several|recent)\s+)*"
    r"(?:requests?|emails?|e-mails?|messages?|calls?|inquiries|queries|questions)\b)",
    re.I,
)
#: Negations that make "respond to a request" a refusal.
NEGATIONS: frozenset[str] = frozenset("not n't never didn't hasn't haven't won't wouldn't declined refused".split())

#: "the newspaper", "the agency": an outlet named before, of a fitting kind
#: (the nouns not listed, "outlet", "website", "publication", fit any kind).
OUTLET_NOUN_KINDS: dict[str, tuple[str, ...]] = {
    "newspaper": ("newspaper",), "paper": ("newspaper",), "daily": ("newspaper",), "tabloid": ("newspaper",),
    "agency": ("agency",), "wire": ("agency",), "broadcaster": ("broadcaster",), "network": ("broadcaster",),
    "channel": ("broadcaster",), "radio": ("broadcaster",), "station": ("broadcaster",),
    "outlet": (), "website": (), "site": (), "publication": (), "magazine": (),
}

#: Auxiliaries that open a question before its subject ("Do they see", "Can
#: Sanders win").
QUESTION_AUXILIARIES: frozenset[str] = frozenset(
    "do does did will would can could should is are was were has have had".split()
)
#: Capitalised words that open sentences but name no one (a lone one is no
#: pronoun antecedent): sentence adverbs, party adjectives before a role
#: ("Democratic front-runner Hillary Clinton"), and questions' auxiliaries.
SENTENCE_OPENERS: frozenset[str] = QUESTION_AUXILIARIES | frozenset(
    """
    indeed halfway moreover furthermore nonetheless nevertheless otherwise likewise besides
    overall ultimately eventually finally notably similarly afterward afterwards elsewhere
    regardless altogether democratic republican
    """.split()
)

#: Common first names by the gender they almost always carry, for "he" and
#: "she" and for "Mr."/"Mrs." before a surname: "Mr. Clinton" is not the
#: "Hillary Clinton" named before, and "she" is not the "Bill Clinton" named
#: last. A name in neither list constrains nothing.
FEMALE_FIRST_NAMES: frozenset[str] = frozenset(
    """
    abigail alexandra alice alicia allison amanda amber amy angela anita ann anna anne
    annie april ashley barbara becky betsy betty beverly bonnie brenda carla carly
    carmen carol caroline carolyn catherine cecile charlotte cheryl christina christine
    cindy claire condoleezza cynthia daniela debbie deborah debra denise diana diane
    dianne donna doris dorothy elaine eleanor elena elizabeth ellen emily emma erica
    erin eva evelyn fatima frances gabrielle gina gloria grace hannah heather heidi
    helen hillary huma irene isabel ivana ivanka jacqueline jane janet janice jeanne
    jennifer jessica jill joan joanna jodi joni josephine joyce judith judy julia julie
    justine karen katherine kathleen kathryn kathy katie kay kayleigh kelly kellyanne
    kimberly kirsten kristen laura lauren linda lisa loretta lori louise lucy madeleine
    margaret maria marie marilyn marine martha mary megan megyn melania melanie melissa
    michelle mona monica nancy natalie nicole nikki nina olivia pamela patricia paula
    peggy penny rachel rebecca rita roberta rosa ruth sally samantha sandra sara sarah
    sharon sheila shirley sonia stephanie susan susana suzanne sylvia tammy tara teresa
    theresa tina ursula valerie vanessa victoria virginia wendy yvonne zoe
    """.split()
)
MALE_FIRST_NAMES: frozenset[str] = frozenset(
    """
    aaron adam alan albert alexander alexei allen andrew andy anthony antonio arthur
    barack ben benjamin bernard bernie bill bob bobby brad bradley brandon brian bruce
    bryan carl carlos charles charlie chris christopher chuck clarence corey craig dan
    daniel darrell dave david dennis dick dmitry don donald doug douglas ed eddie edward
    eric eugene frank fred gary gene george gerald glenn greg gregory harold harry henry
    howard ian ivan jack jacob jake james jared jason jeb jeff jeffrey jeremy jerry jim
    jimmy joe joel john johnny jon jonathan jose joseph josh joshua juan justin keith
    ken kenneth kevin larry lawrence louis luis marco mark martin matt matthew max
    michael mike mitch mitt mohammed muhammad nathan neil newt nicholas nick nigel
    oliver patrick paul peter phil philip rafael ralph rand randy raymond reince reuven
    rex richard rick rob robert roger ron ronald rudy russell ryan sam samuel scott sean
    sergei sergey seth stephen steve steven stuart ted thomas tim timothy todd tom tony
    vladimir walter wayne william willie
    """.split()
)

#: The last word of an outlet's name: a channel after "told" whose name ends
#: so is an outlet even when the gazetteer does not know it ("told REVOLT
#: TV", "told the Sioux City Journal").
OUTLET_NAME_ENDINGS: frozenset[str] = frozenset(
    """
    tv radio news times post journal herald tribune network magazine daily
    gazette register chronicle review press channel podcast telegraph
    observer examiner inquirer bulletin courier dispatch sun star globe
    """.split()
)

#: "the Telegram channel Baza", "the Facebook page Real News": a named
#: account on a platform speaks for itself.
CHANNEL_NOUNS: frozenset[str] = frozenset("channel channels account page group blog feed handle".split())

#: Seats of government that speak for it ("Downing Street said", "the White
#: House confirmed"): typed ``government``, never a person.
GOVERNMENT_SEATS: frozenset[str] = frozenset(
    {
        "downing street", "number 10", "no 10", "no. 10", "white house", "kremlin", "élysée", "elysee",
        "élysée palace", "elysee palace", "pentagon", "zhongnanhai", "blue house", "quai d'orsay",
        "bankova", "the hague", "whitehall", "capitol hill",
    }
)

#: Capitalised words that are never names (sentence starters, calendar).
NOT_NAMES: frozenset[str] = frozenset(
    """
    the a an in on at by for but and or so if as of to from with after
    before since when while this that these those it its there here then
    now today yesterday tomorrow last next meanwhile however also still
    monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec
    he she they we i you his her their our my your what who which why how
    only just even many most some several both all every each no not one two
    three four five six seven eight nine ten few more less much such other
    another any once later earlier soon often never always perhaps maybe yet ever
    toward towards during despite among amid across inside outside without
    within beyond like unlike according having being
    though although because while whereas where there thus hence instead
    """.split()
)

NATIONALITY_SUFFIXES: tuple[str, ...] = ("ian", "ish", "ese", "ean", "ic", "i")

PREPOSITIONS: frozenset[str] = frozenset(
    "by in on at for from with after before since during until under over between against".split()
)

# --------------------------------------------------------------------------
# Segmentation
# --------------------------------------------------------------------------

#: Abbreviations after which a period does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    u.s. u.k. u.n. e.u. mr. mrs. ms. dr. prof. st. jr. sr. gen. col. lt.
    maj. capt. sgt. sen. rep. gov. gen. no. vs. e.g. i.e. inc. co. corp.
    ltd. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. approx.
    dept. est. fig. mt. ft. u.s.a. a.m. p.m. ph.d.
    """.split()
)

#: A block whose lines (bar the last) are all this short is hard-wrapped
#: print: its line breaks are not paragraph breaks. Longer lines are whole
#: paragraphs, one per line.
HARD_WRAP_MAX_CHARS = 120

#: A short line ending in one of these words continues on the next line
#: (used only where line breaks can be paragraph breaks).
CONTINUING_WORDS: frozenset[str] = frozenset(
    "a an the of on in at to for from by with and or but that as said says told".split()
)

#: A quotation longer than this (characters) is treated as unbalanced.
MAX_QUOTE = 3000

#: A sentence without terminal punctuation longer than this is cut.
MAX_SENTENCE = 2000

#: Subject noun phrases longer than this many words are not subjects.
MAX_SUBJECT_WORDS = 10
#: ... except a noun that speaks with its modifiers, standing before its
#: verb: "Large majorities of Republican primary voters in six states going
#: to the polls on Super Tuesday said" (PolNeAR marks the whole phrase).
MAX_LONG_SUBJECT_WORDS = 16

#: Pronouns resolve to candidates in the current and this many previous
#: (non-furniture) paragraphs.
PRONOUN_WINDOW_PARAGRAPHS = 1

#: A quotation-only sentence continues the previous speaker if that speaker
#: spoke in the current or this many previous (non-furniture) paragraphs.
CONTINUATION_WINDOW_PARAGRAPHS = 1

#: A quotation running over paragraphs joins at most this many more
#: paragraphs to the record's ``quote``.
QUOTE_MAX_PARAGRAPHS = 6

#: Surnames at least this long may match an earlier full name with one typo.
FUZZY_SURNAME_MIN = 6

# --------------------------------------------------------------------------
# Site furniture
# --------------------------------------------------------------------------

#: A paragraph starting like this is site furniture. "related" blocks are
#: headlines of other articles; "appeal" blocks are donation/newsletter boxes
#: and continue over the following paragraphs that still read like an appeal.
FURNITURE_OPENERS: dict[str, str] = {
    r"related(?:\s+articles?)?\s*:": "related",
    r"read\s+(?:more|also|next)\b": "related",
    r"see\s+also\b": "related",
    r"also\s+read\b": "related",
    r"more\s+on\s+this\b": "related",
    r"recommended\s*:": "related",
    r"a\s+message\s+from\b": "appeal",
    r"dear\s+readers?\b": "appeal",
    r"sign\s+up\b": "appeal",
    r"subscribe\b": "appeal",
    r"support\s+us\b": "appeal",
    r"donate\b": "appeal",
    r"(?:we\s+use\s+)?cookies?\b": "appeal",
    r"advertisement\b": "appeal",
    r"share\s+(?:this|on)\b": "appeal",
    r"follow\s+us\b": "appeal",
    r"original\s+url\s*:": "links",
}

#: Words typical of donation appeals, newsletter boxes and cookie notices.
APPEAL_WORDS: tuple[str, ...] = (
    "support", "donate", "donation", "subscribe", "subscription", "newsletter",
    "readers", "journalism", "contribution", "monthly", "ad-free", "ads",
    "paywall", "privacy policy", "mailbox", "sign up", "your help", "cookies",
    "unsubscribe", "inbox", "premium",
)

#: An appeal paragraph has at least one appeal word per this many words when
#: the site speaks as "we" (two words at least), per the second figure when
#: it does not (three at least): news paragraphs about campaign "support"
#: and "ads" are longer per hit.
APPEAL_WORDS_PER_HIT_WE = 25
APPEAL_WORDS_PER_HIT = 12

#: Sentences that are editorial disclaimers, not reporting.
DISCLAIMER_PATTERNS: tuple[str, ...] = (
    r"views\s+expressed\b.{0,200}?\bnot\s+necessarily\s+reflect",
    r"all\s+rights\s+reserved",
)
#: Every pattern above holds one of these words: a text without them is
#: no disclaimer, found without the (case-insensitive, slow) regex.
DISCLAIMER_WORDS: tuple[str, ...] = ("expressed", "reserved")

#: A paragraph this long with no sentence punctuation is a list of headlines.
HEADLINE_LIST_MIN_WORDS = 20

#: A title-case fragment this short continues a "Related article" headline.
HEADLINE_FRAGMENT_MAX_WORDS = 10

#: Bylines made of an outlet name alone are looked for in this many first
#: paragraphs.
BYLINE_PARAGRAPHS = 12

#: ... and such a byline (an outlet's name alone) is at most this long.
BYLINE_OUTLET_MAX_CHARS = 80

#: Photo credits: at most this many words in the whole credit.
CREDIT_MAX_WORDS = 14
#: A headline credited after a dash counts when the name comes back within
#: this many characters of it ("... - Zakharova" ... "Maria Zakharova said").
HEADLINE_NAME_WINDOW = 20_000

#: A dash credit ("“...” ― Name, descriptor") is at most this many words
#: after the dash; the name in it at most ``DASH_CREDIT_NAME_WORDS``.
DASH_CREDIT_MAX_WORDS = 16
DASH_CREDIT_NAME_WORDS = 5

# --------------------------------------------------------------------------
# Confidence by rule
# --------------------------------------------------------------------------

CONFIDENCE: dict[str, float] = {
    "statement.subject_verb": 0.85,
    "statement.speech_act": 0.75,
    "statement.evidence": 0.75,
    "statement.colon": 0.6,
    "statement.interview": 0.5,
    "belief.cognition": 0.7,
    "belief.intention": 0.7,
    "belief.stance": 0.65,
    "statement.verb_subject": 0.85,
    "statement.phrase": 0.9,
    "statement.according_to": 0.9,
    "statement.citing": 0.75,
    "statement.relay": 0.8,
    "statement.quoted_as": 0.85,
    "statement.participle": 0.65,
    "statement.passive": 0.7,
    "statement.headline": 0.7,
    "statement.nested": 0.6,
    "credit.photo": 0.85,
    "credit.byline": 0.9,
    "credit.byline_outlet": 0.7,
    "credit.byline_metadata": 0.8,
    "credit.dateline": 0.9,
    "credit.contribution": 0.95,
    "statement.dash_credit": 0.8,
    "statement.post": 0.9,
}
#: Subtracted when the source is a resolved pronoun.
PRONOUN_PENALTY = 0.15

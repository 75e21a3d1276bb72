"""The words that signal what a question wants, as patterns over the plain text.

Patterns read the plain form made by ``index.reading.text.cue_text``: lower case,
contractions expanded, and ``xcountryx`` / ``xgroupx`` standing for a country or group the
reader already found. A cue is evidence, never a verdict on its own: ``index.reading.intent``
weighs cues against the subjects they need ("adopted" means the tally only when nothing else
in the question points at another passage).

Every pattern is a plain alternation without nested repetition, so matching is linear.
"""

from __future__ import annotations

import re

from index.records import Position, SponsorStage, StatementMoment


def words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


SUBJECT = r"(?:the )?(?:xcountryx|xgroupx)"
"""A country or group the reader found, with the article people put before many ("the UK")."""
SUBJECTS = SUBJECT + r"(?:(?:,|,? and|,? or| ?/| ?&) " + SUBJECT + r")*"
"""One subject or several joined ("Tbilisi and Kyiv")."""
SPEAKER = (
    r"(?:" + SUBJECTS + r"|it|they|he|she|the (?:\w+ ){0,3}"
    r"(?:representatives?|delegations?|delegates?|director|speakers?|ambassadors?|chair))"
)

# --- positions ----------------------------------------------------------------------------

EITHER = words(
    r"yes or no",
    r"no or yes",
    r"for or against",
    r"against or for",
    r"in favou?r or against",
    r"against or in favou?r",
    r"which way",
    r"which side",
    r"adopted or (?:not|rejected)",
    r"pass(?:ed)? or (?:not|fail(?:ed)?)",
)
""""turkey yes or no?" asks which position, it does not filter by one."""

NOT_ASKED = (Position.NOT_MEMBER, Position.NOT_RECORDED)
"""Positions no question names: "did not vote" is ``ABSENT`` whatever the vote's source."""

NEGATED: tuple[tuple[Position, re.Pattern[str]], ...] = (
    (
        Position.IN_FAVOUR,
        words(
            r"not (?:even |actually |really |ever )?(?:vote |voting )?(?:for|in favou?r|yes)",
            r"not (?:even |actually |really |ever )?(?:support|back|endorse|approve)",
            r"fail(?:ed)? to (?:support|back)",
        ),
    ),
    (Position.AGAINST, words(r"not (?:vote |voting )?(?:against|no)", r"not oppose")),
    (Position.ABSTAINING, words(r"not abstain")),
)
""""which BRICS country did not vote in favour" asks for every other position."""

STRONG_POSITIONS: tuple[tuple[Position, re.Pattern[str]], ...] = (
    (
        Position.ABSENT,
        words(
            r"(?:did|do|does|was|were) not (?:vote|participate|take part|cast (?:a |any )?votes?|"
            r"show up)",
            r"(?:cast|casting|made|gave|giving) no (?:recorded )?votes?",
            r"no (?:recorded )?votes? at all",
            r"not vote(?! (?:for|in favou?r|yes|against|no)\b)",
            r"not (?:voting|present|participating|recorded)",
            r"no (?:recorded )?vote (?:recorded|on record)",
            r"(?:had|has|have|with) no (?:recorded )?vote",
            r"(?:did|do|does) not (?:have|get) (?:a |any )?(?:recorded )?votes? "
            r"(?:recorded|on record)",
            r"absent\w*",
            r"absentees?",
            r"no[- ]shows?",
            r"non[- ]?vot(?:ing|ers?)",
            r"(?:missed|skipped|sat out|stayed out of|stayed away from|sit out) the vote",
            r"(?:missed|skipped) it",
            r"did not bother",
        ),
    ),
    (Position.ABSTAINING, words(r"abstain\w*", r"abstention\w*", r"sat on the fence")),
    (
        Position.AGAINST,
        words(
            r"vot(?:e|ed|es|ing) (?:against|no|nay)",
            r"no votes?",
            r"said no",
            r"nay",
            r"voted (?:it )?down",
            r"thumbs down",
        ),
    ),
    (
        Position.IN_FAVOUR,
        words(
            r"in favou?r",
            r"vot(?:e|ed|es|ing) (?:for|yes|in support)",
            r"yes votes?",
            r"said yes",
            r"thumbs up",
            r"yes side",
        ),
    ),
)

_ABOUT_THE_TEXT = (
    r"(?=\s*(?:[?.!]|$|it\b|(?:this|that)\b(?! (?:item|agenda|report|question|meeting|"
    r"session|topic|issue|subject|study|body|committee))|them\b|"
    r"the (?:draft|resolution|text|proposal|motion)\b|right\b|too\b|as well\b|or\b|"
    r"(?:in|at) (?:the )?(?:third )?(?:committee|plenary|general assembly|ga|final vote)\b))"
)
WEAK_POSITIONS: tuple[tuple[Position, re.Pattern[str]], ...] = (
    (
        Position.AGAINST,
        re.compile(
            r"\b(?:against|oppos(?:e|ed|es|ing)|reject(?:ed|s|ing)?|no)\b" + _ABOUT_THE_TEXT
        ),
    ),
    (
        Position.IN_FAVOUR,
        re.compile(
            r"\b(?:support(?:ed|s|ing)?|back(?:ed|s|ing)?|endors(?:e|ed|es)|approv(?:e|ed)|"
            r"favou?r(?:ed|s)?|yes|(?<=xcountryx )for|(?<=xgroupx )for|(?<=they )for|"
            r"(?<=it )for)\b" + _ABOUT_THE_TEXT
        ),
    ),
)
"""Words that name a position only when they are about the vote: "against it", not
"the fight against cybercrime"; "for" only after the State it qualifies ("was India for
it?"), never in "paying for this" or "a statement for the draft"."""
VOTE_CONTEXT_POSITIONS: dict[Position, re.Pattern[str]] = {
    Position.AGAINST: words(r"oppos(?:e|ed|es|ing)", r"reject(?:ed|s|ing)?"),
    Position.IN_FAVOUR: words(r"support(?:ed|s|ing)?", r"back(?:ed|s|ing)?", r"endors(?:e|ed|es)"),
}
"""The weak words that count anywhere in a sentence that is about voting ("did X support
the draft at the vote")."""

# --- sets and quantities ------------------------------------------------------------------

QUANTIFIERS = (
    ("none", words(r"none", r"nobody", r"no one", r"no (?:country|state|member|delegation)s?")),
    ("all", words(r"all", r"every(?:one|body)?", r"each", r"whole", r"entire", r"both")),
    ("any", words(r"any(?:one|body)?", r"some(?:one|body)?", r"at least one")),
)
LIST_ALL = words(
    r"(?:list|show|give|name|tell)(?: me)? (?:all|every|each)",
    r"(?:in|for|within|from) each",
    r"per (?:group|bloc)",
    r"each (?:group|bloc|side)",
)
""""list every abstention" asks for the list, not whether all abstained; "who abstained in
each" asks it group by group."""
COUNT = words(
    r"how many",
    r"(?:sponsor|final|total|head) count",
    r"count (?:the|of the|them)",
    r"number of",
    r"count of",
    r"what share",
    r"what proportion",
    r"what percentage",
    r"total number",
    r"how much of",
)
LISTING = words(
    r"which",
    r"who",
    r"list\w*",
    r"names?",
    r"named",
    r"what (?:countries|states|members|delegations|nations|ones)",
    r"show me",
    r"tell me",
    r"give me",
    r"ones",
    r"(?:countries|states|members|delegations|nations|xgroupx) (?:that|which) (?:\w+ )?"
    r"(?:vot\w*|abstain\w*|backed|supported|opposed|sided)",
)
COMPARE = words(
    r"(?:the )?same way",
    r"the same",
    r"alike",
    r"different(?:ly)?",
    r"differ\w*",
    r"divided",
    r"united",
    r"unanimous\w*",
    r"together",
    r"in unison",
    r"as a (?:bloc|block|group)",
    r"agree\w*",
    r"disagree\w*",
    r"compar\w*",
    r"versus",
    r"similar(?:ly)?",
    r"consistent(?:ly)?",
    r"in line",
    r"in lockstep",
    r"split",
)
SPLIT_AS_BREAKDOWN = re.compile(r"\bhow (?:did|was|were|is|are) .{0,60}\bsplit\b")
""""how did the P5 split" asks for the breakdown, "was the EU split?" compares."""
OUTLIERS = words(
    r"different(?:ly)? (?:from|than|to) (?:their|its|the rest of (?:their|its)|most of "
    r"(?:their|its)) (?:neighbou?rs?|region\w*|groups?|bloc|allies|partners|peers)",
    r"br(?:oke|eak|eaking) (?:ranks|with (?:their|its) (?:groups?|region|bloc|neighbou?rs))",
    r"odd ones? out",
    r"outliers?",
    r"went against (?:their|its) (?:groups?|region|neighbou?rs|bloc)",
    r"defect\w*",
    r"mavericks?",
)
NEIGHBOURS = words(
    r"neighbou?rs?",
    r"neighbou?ring (?:countries|states)",
    r"(?:its|their) region",
    r"(?:its|their) (?:own )?(?:regional )?group",
    r"regional group",
)

SPONSOR_SET = re.compile(
    r"\b(?:(?P<stage>original|initial|first|revised|later|subsequent|new) )?"
    r"(?:co-?)?sponsors\b|\b(?:co-?)?sponsor (?:count|list|tally|total|numbers?)\b"
    r"|\b(?:any|every|each|no|one) (?:of the )?(?:co-?)?sponsor\b"
    r"|\bsponsoring (?:countries|states|delegations|members)\b"
    r"|\b(?:countries|states|delegations|ones|those|members|nations) (?:that|which|who) "
    r"(?:had )?(?:co-?)?sponsored\b"
)
SPEAKER_SET = re.compile(
    r"\bspeakers\b"
    r"|\bof (?:them|those|these) (?:actually |also )?(?:spoke|made (?:a |any )?statements?|"
    r"took the floor)\b"
    r"|\b(?:countries|states|delegations|representatives|members|nations) (?:actually |also )?"
    r"(?:spoke|made (?:a |their )?statements?|took the floor|explained their votes?)\b"
    r"|\b(?:countries|states|delegations|ones|those|members|nations|representatives) "
    r"(?:that|which|who) (?:had |actually |also |even )?(?:spoke|made (?:a |their )?statements?|"
    r"took the floor|"
    r"explained their votes?|delivered statements?)\b"
)
NOTED_SET = words(
    r"(?:xcountryx|xgroupx) (?:\w+ ){0,3}(?:in )?the (?:foot)?notes?",
    r"(?:xcountryx|xgroupx)(?:'s)? (?:foot)?notes?",
    r"(?:foot)?notes? (?:about|on|for|regarding) (?:the )?(?:xcountryx|xgroupx)",
    r"(?:little |small )?(?:foot)?notes? about them",
    r"(?:asterisk|dagger|footnote) (?:next to|by|on) (?:the )?(?:xcountryx|xgroupx)",
    r"chang(?:e|ed|es|ing) (?:its|their|his|her|the) (?:vote|mind|position)s?",
    r"(?:meant|intended|wanted) to vote",
    r"wrong button",
    r"voted by mistake",
    r"subsequently indicated",
    r"later (?:said|indicated|claimed|clarified)",
    r"vote changes?",
    r"changed votes?",
    r"regret\w*",
)

ALIGNED = re.compile(
    r"\b(?:sided|side|siding|voted|vote|voting|went|go|stood|stand|lined up|line up|aligned|"
    r"agreed|followed|follow)\s+(?:with|alongside|like|behind|the same (?:way )?as|as)\s+"
    r"(?:the )?(?P<name>xcountryx)\b"
    r"|\b(?:same (?:way|position|vote|side) as|in line with|in lockstep with)\s+(?:the )?"
    r"(?P<other>xcountryx)\b"
)
"""A State named as the yardstick, not the subject: "which Eastern Europeans sided with
Moscow?" asks for those that voted as the Russian Federation did."""

ONLY_STATEMENTS = words(
    r"not (?:counting|including) (?:the )?(?:explanations?|eovs?)(?: of votes?)?",
    r"(?:excluding|except|apart from|other than|besides|without|ignoring|leaving aside|setting "
    r"aside|disregarding|not including|minus) (?:the )?(?:explanations?|eovs?)",
    r"(?:general|plain|ordinary|other) statements?",
    r"(?:not|n't|no) (?:the |an? )?(?:explanations?|eovs?)",
)
"""Statements made at a moment, leaving out the explanations of vote given then."""
ONLY_EXPLANATIONS = words(
    r"explanations? of (?:the )?votes?",
    r"explain(?:ed|ing)? (?:its|their|the) votes?",
)
"""Explanations of vote, as distinct from the other statements of the moment."""

QUOTE = words(
    r"quote[ds]?",
    r"quoting",
    r"verbatim",
    r"word for word",
    r"paste",
    r"copy",
    r"(?:exact|precise|actual|full) (?:words?|wording|text|language|phrasing)",
    r"(?:the )?wording",
    r"what does it say exactly",
)
"""Asking for the document's own words: the answer quotes the paragraph it cites in full."""

MEMBERSHIP = re.compile(
    r"\b(?:is|was|are|were|isn't|wasn't) " + SUBJECTS + r" (?:still |even |also |actually |really |"
    r"then |already )?(?:in|inside|part of|(?:an? |one of the )?members? (?:state )?of|counted "
    r"(?:in|as|among|with)|among|one of) (?:the )?xgroupx\b"
    r"|\b(?:is|was|are|were) " + SUBJECTS + r" (?:still |even |also )?an? xgroupx"
    r"(?: (?:members?|countr(?:y|ies)|states?))?\b"
)
"""Whether a State belongs to a group ("is the UK still in the EU here?"), as of the vote."""

# --- intents ------------------------------------------------------------------------------

VOTE = words(
    r"vot(?:e|ed|es|ing|ers?)",
    r"ballots?",
    r"positions?",
    r"stances?",
    r"stand",
    r"stood",
    r"sided?",
    r"land(?:ed)?",
    r"come down",
    r"came down",
    r"breakdown",
    r"what did " + SUBJECTS + r" do",
    r"how did " + SUBJECTS + r" go",
    r"(?:how|where) did " + SUBJECTS + r" (?:line up|fall|shake out|break)",
    r"lined up",
    r"(?:which|what) camp",
    r"where (?:was|were|is|are|did|does) " + SUBJECTS + r"(?: stand| land| come down)? on",
    r"verdict",
)
TALLY_STRONG = words(
    r"how (?:close|tight|narrow|lopsided|one-sided)",
    r"agreed by (?:everyone|everybody|all)",
    r"(?:by|without a) consensus",
    r"count(?:ed)? (?:the )?hands",
    r"show of hands",
    r"secret ballot",
    r"roll[- ]call",
    r"without a vote",
    r"put to a vote",
    r"more (?:yes|no|votes|countries|states) (?:or|than)",
    r"more (?:countries |states )?vot(?:e|ed) (?:for|yes|in favou?r|against|no) (?:or|than)",
    r"(?:yes|no) or (?:yes|no) votes",
    r"majority",
    r"tally",
    r"results?",
    r"outcome",
    r"final (?:score|count|vote|tally)",
    r"score",
    r"vote count",
    r"counts?",
    r"margin",
    r"how close",
    r"(?:was|is) (?:it|the vote) (?:a )?(?:close|tight|narrow|lopsided|one-sided)",
    r"close (?:vote|call|result|race)",
    r"landslide",
    r"by how much",
    r"how did the vote go",
    r"how did (?:it|the votes?|things|the voting) (?:shake out|pan out|play out|turn out|go down)",
    r"what was the vote",
    r"the numbers",
    r"recorded vote",
    r"totals?",
)
TALLY_WEAK = words(
    r"adopted",
    r"adopt",
    r"adoption",
    r"pass(?:ed)?",
    r"carried",
    r"get through",
    r"got through",
    r"approved",
    r"rejected",
    r"fail(?:ed)?",
    r"win",
    r"won",
    r"succeed(?:ed)?",
    r"vote",
    r"voted",
    r"when (?:was|did) .{0,30}vote",
)
SPONSOR = re.compile(
    r"\b(?:co-?)?sponsor(?:ed|ing|s|ship)?\b(?! (?:the )?(?:[\w'’-]+ ){0,3}?(?:running|"
    r"participation|costs?|travel|work|talks|meetings?|sessions?|delegat\w*|trips?|attendance)\b)"
    r"|\bput (?:it|this|the draft|the resolution|the text) forward\b|\bput forward\b"
    r"|\b(?:who|which (?:countries|states|delegations)|whose|did (?:the )?(?:xcountryx|xgroupx))"
    r"\b.{0,30}\b(?:submitted|proposed|drafted|authored|wrote|came up with)\b"
    r"(?! (?:up )?(?:the |this )?report)"
    r"|\bauthors?\b|\bbehind (?:it|this|the draft|the resolution)\b"
)
"""Sponsorship; "drafted" or "proposed" only when the question asks who did it ("what
language was it drafted in?" is not about sponsors)."""
SPONSOR_STAGES: tuple[tuple[SponsorStage, re.Pattern[str]], ...] = (
    (
        SponsorStage.SUBSEQUENT,
        words(r"subsequent\w*", r"later(?: on)?", r"afterwards?", r"joined", r"after"),
    ),
    (SponsorStage.REVISED, words(r"revis\w*", r"rev\.?\s*1", r"added")),
    (
        SponsorStage.ORIGINAL,
        words(r"original\w*", r"initial\w*", r"first", r"from the (?:start|outset|beginning)"),
    ),
)
INCLUDING = words(
    r"incl\.?",
    r"including",
    r"inclusive of",
    r"as well as",
    r"along with",
    r"together with",
    r"plus",
    r"(?<!not )counting",
    r"(?<!not )counted",
    r"everyone",
    r"everybody",
    r"altogether",
    r"in all",
    r"final (?:sponsor )?count",
)
""""All the sponsors, including those who joined late": a stage named to include, not to
narrow."""
INTRODUCED = words(
    r"introduc(?:e|ed|es|ing|tion)(?: of)? (?:the |it|this)",
    r"who introduc\w*",
    r"introduced it",
    r"tabled",
    r"who tabl\w*",
)
INTRODUCTORY = words(
    r"introductory",
    r"intro statement",
    r"opening statement",
    r"(?:unodc )?director",
    r"opened the (?:discussion|debate|meeting|session|item)",
    r"kick(?:ed)? (?:it |things |the (?:discussion|debate|work) )?off",
    r"scene-setting",
    r"keynote",
)
""""The director" is who made the introductory statement (UNODC's Division for Treaty Affairs)."""
STATEMENT = words(
    r"(?:make|made) a statement",
    r"(?:xcountryx|xgroupx|delegations?|who|which \w+|anyone|anybody|someone) (?:\w+ )?"
    r"talk(?:ed|s)? (?:about|on)",
    r"spoke",
    r"speak(?:s|ing)?",
    r"speakers?",
    r"statements?",
    r"explain(?:ed|s|ing)? (?:its|their|the|his|her) votes?",
    r"explain(?:ed|s|ing)? (?:its|their) position",
    r"explanations? of (?:the )?votes?",
    r"took the floor",
    r"take the floor",
    r"on behalf of",
    r"speak(?:s|ing)? for",
    r"(?:xcountryx|xgroupx|they|he|she|delegations?|anyone|anybody|someone) (?:\w+ )?"
    r"(?:say|said) anything",
    r"interven\w*",
    r"address(?:ed)? the committee",
    r"remarks?",
)
BEHALF = words(
    r"on (?:whose|who'?s|which \w+(?:'s|s')?|what \w+(?:'s|s')?) behalf",
    r"on behalf of (?:which|whom|who|what)",
    r"(?:who|whom) (?:else )?(?:was|were|is|did|does) (?:\w+ ){0,4}(?:on behalf of|"
    r"speak(?:ing)? for|represent(?:ing)?)",
    r"(?:which|what|whose) (?:other )?(?:\w+ )?(?:countries|states|delegations|nations|"
    r"governments)(?: was| were| did)? (?:\w+ ){0,4}on behalf of",
    r"for whom",
    r"besides itself",
    r"who (?:else )?(?:did|was|were|does) (?:\w+ ){0,3}speak(?:ing)? for",
    r"speak(?:ing|s)? for (?:who|whom|which)",
    r"who (?:else )?(?:was|were) (?:\w+ ){0,3}(?:spoken|speaking) for",
    r"(?:on behalf of|spoke for|speaking for) (?:several|some|a few|a couple of|many|other|"
    r"the others?)(?: other)?(?: delegations| countries| states| nations| others)?",
)
"""For whom a statement was made: the answer names the States spoken for."""
MOMENTS: tuple[tuple[StatementMoment, re.Pattern[str]], ...] = (
    (StatementMoment.INTRODUCTORY, words(r"introductory", r"intro statement", r"opening")),
    (
        StatementMoment.EXPLANATION_AFTER_VOTE,
        words(
            r"after (?:the |it was put to a )?vot(?:e|ing)",
            r"afterwards",
            r"after",
            r"(?:once|when) (?:the )?(?:vote|voting|result) (?:was|had been|is) "
            r"(?:over|done|taken|in|finished|announced)",
            r"post-?vote",
        ),
    ),
    (
        StatementMoment.BEFORE_VOTE,
        words(r"before (?:the )?vot(?:e|ing)", r"ahead of the vote", r"prior to the vote"),
    ),
)
CONTENT = re.compile(
    r"\bwhat (?:did|does|do|was|were|had|has) " + SPEAKER + r"(?: \w+){0,4} "
    r"(?:say|said|argue|argued|claim|claimed|state|stated|tell|told|mean|explain(?:ed)?|"
    r"propose|put forward|stress(?:ed)?|raise[ds]?)\b"
    r"|\b(?:arguments?|concerns?|reasoning|justifications?|rationale|talking points|message|"
    r"objections?|complaints?|criticisms?|reservations|misgivings|worries|grievances)\b"
    r"|\bpoints? (?:made|raised)\b|\bcontent of\b|\bexplain(?:ed)? why\b"
    r"|\bwhat (?:was|were) (?:in |the content of )?(?:the )?"
    + SPEAKER
    + r"(?: \w+){0,3} statements?"
)
"""What a delegation said, argued or meant: the report records that it spoke, not what."""
WHY = re.compile(
    r"^\W*why\b|\bwhy (?:did|was|were|do|does|is|are|would|has|have|so many)\b"
    r"|\breasons? (?:for|why|behind)\b|\bwhat made\b|\bmotivat\w*|\brationale\b|\bhow come\b"
    r"|\b(?:position|stance|vote|decision|opposition|support) (?:was )?based on\b"
    r"|\bwhat (?:was|is) (?:\w+ ){0,3}based on\b|\breasoning\b|\bwhat drove\b"
    r"|\b(?:vot(?:e|ed|es|ing)|abstain\w*|absent|oppos\w*|support\w*|sponsor\w*)\b"
    r"[^.?!()]{0,40}\b(?:because|due to)\b"
    r"|\b(?:about|say|said|tell|told|explain\w*|know) why\b"
)
DECISIONS = re.compile(
    r"\bwhat (?:does|did|will|would) (?:the |this |it |that )?(?:draft )?"
    r"(?:resolution |text |general assembly |assembly )?decide\b(?! at (?:its|the) \w+ "
    r"(?:plenary )?meeting)"
    r"|\bwhat (?:exactly |actually |really )?(?:does|did|will|would) (?:the |this |it |that )?"
    r"(?:draft )?(?:resolution |text |thing )?(?:\w+ )?(?:create|set up|establish|launch|start up|"
    r"bring about|put in place)\b"
    r"|\bwhat (?:was|were|is|are) (?:decided|the decisions?)\b"
    r"|\bdecisions? (?:of|in|taken by) the (?:draft )?resolution\b"
)
OPERATIVE_PART = re.compile(
    r"\bwhat (?:does|did|will|would) (?:the|this|it) (?:draft )?(?:resolution )?do\b"
    r"|\boperative (?:part|paragraphs|section)\b"
    r"|\bsummar(?:y|ise|ize)\b(?! records?)(?:.{0,20}\b(?:resolution|text|draft)\b)?"
    r"|\bmain (?:points?|things?|provisions?)\b|\bkey (?:provisions|points|things|takeaways)\b"
    r"|\btl ?;? ?dr\b|\bgist\b|\bin a nutshell\b"
    r"|\b(?:things|stuff) (?:that )?(?:the |this |it )?(?:resolution |text |draft )?does\b"
    r"|\bwhat (?:the|this|it) (?:resolution |text |draft )?does\b"
)
METADATA: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "symbol",
        words(
            r"(?:document )?symbol (?:of|for) (?:this|the) (?:third committee )?report(?! of the)",
            r"(?:this|the) report'?s (?:own )?(?:document )?symbol",
            r"(?:the|this|its) (?:document|doc|report) (?:symbol|number)"
            r"(?! (?:of|for) (?!th(?:e|is) (?:document|doc|report)))",
            r"(?:document|doc|report)'?s (?:symbol|number)",
        ),
    ),
    (
        "structure",
        words(
            r"how many (?:preambular |operative |pp |op )?(?:paragraphs|paras)",
            r"count (?:the |its )?(?:preambular |operative )?(?:paragraphs|paras)",
            r"number of (?:preambular |operative )?(?:paragraphs|paras)",
            r"how long is (?:the|this) (?:resolution|text|draft|report)",
        ),
    ),
    (
        "proceedings",
        re.compile(
            r"\bwhat (?:happened|took place|was done|went on|did (?:the|they) (?:committee )?do|"
            r"did they decide)\b.{0,25}\b(?:meeting|mtg)\b"
            r"|\b(?:meeting|mtg)\b.{0,25}\bwhat (?:happened|took place|was done|went on)\b"
        ),
    ),
    (
        "rapporteur",
        words(
            r"rapporteur\w*",
            r"who (?:wrote|prepared|authored|drafted) (?:the|this) report",
            r"author of (?:the|this) report",
            r"(?:wrote|writing|written|write) (?:this|it|the report|that) up",
            r"(?:credited|responsible) (?:with|for) (?:writing|drafting|preparing) (?:this|it|the)",
            r"who (?:wrote|prepared|authored) this(?: up)?(?= ?\??$| for the committee)",
        ),
    ),
    (
        "agenda_item",
        words(
            r"(?:what|which) agenda item",
            r"agenda item (?:number|is (?:it|this)|of (?:the|this) (?:report|item))",
            r"under (?:what|which) (?:agenda )?item",
            r"what item (?:is|was) (?:it|this)",
            r"item number",
            r"session and (?:the )?agenda item",
            r"agenda item and (?:the )?session",
        ),
    ),
    (
        "session",
        re.compile(
            r"\b(?:which|what) session (?:is|was) (?:this|it|the report)\b"
            r"|\b(?:which|what) session of the general assembly(?: is| was)?(?: this| it)?"
            r"(?: from)?\s*\??$"
            r"|\bsession number\b|\bwhich session\s*\??$|\bwhat session\s*\??$"
            r"|\b(?:was|is) (?:this|it|the report) (?:from )?(?:the )?(?:\w+ )?(?:or )?(?:the )?"
            r"\w+ session\b"
        ),
    ),
    (
        "meetings",
        words(
            r"which meetings?",
            r"what meetings?",
            r"how many meetings",
            r"meetings? (?:of|did|were|was) the (?:third )?committee",
            r"summary records?",
        ),
    ),
    (
        "date",
        words(
            r"when (?:was|is) (?:the|this) report (?:issued|published|dated|released|written|from)",
            r"when is the report (?:from|dated)",
            r"date of (?:the|this) report",
            r"report(?:'s)? date",
            r"report dated",
            r"when is it dated",
            r"when (?:was|is) (?:it|this|the doc|the document) (?:issued|published|released|"
            r"put out|dated)",
            r"when did it (?:come out|get published|get issued|go out)",
            r"when did (?:this|the) (?:doc|document|report) (?:\w+ )?(?:come out|get published|"
            r"get issued|appear|go out)",
            r"(?:release|publication|issue|distribution) date",
            r"date (?:the|this) (?:report|document|doc) was (?:issued|published|released|dated|"
            r"put out)",
            r"date(?= (?:and|&) (?:the )?(?:symbol|agenda item|session|rapporteur))",
            r"distr(?:ibuted|ibution)? (?:date|on|when)",
            r"when was (?:it|the report|this) distributed",
            r"date of (?:issue|publication|release)",
            r"date (?:is )?printed",
        ),
    ),
    (
        "overview",
        words(
            r"what is this (?:document|report|doc|thing)",
            r"what is the (?:document|doc)(?= ?\??$| about| called| titled)",
            r"which (?:document|report)(?! (?:of|by|from) (?:the )?(?:un )?(?:secretary|sg\b))",
            r"document title",
            r"title of the (?:document|report)",
            r"what is (?:this|the) (?:document|report|doc) about",
            r"about this (?:document|report)",
            r"draft symbol",
            r"symbol of the draft",
            r"what was the draft symbol",
        ),
    ),
)
FUTURE = words(
    r"will",
    r"shall",
    r"next",
    r"again",
    r"come back",
    r"return",
    r"later",
    r"follow[- ]up",
)
"""A question about what is to happen is about the operative paragraphs, not the report's
own facts: "at which session will the Assembly come back to this?"."""

CLAIMED_RESULT = re.compile(
    r"(?<![\w/.-])(?P<a>\d{1,3}) ?(?:-|–|—|to) ?(?P<b>\d{1,3})"
    r"(?: ?(?:-|–|—|,|with|and) ?(?P<c>\d{1,3})(?: abstentions?| abstaining)?)?(?![\w/.-])"
)
"""Figures a question gives for the result, to check ("confirm: 88-58-34?", "was it 88 to
58?"); never a symbol ("74/247") or a date ("18-11-2019")."""
MEETING = re.compile(r"\b(?P<number>\d{1,3})(?:st|nd|rd|th)? (?:plenary )?meeting\b")
_MONTHS = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
DAY = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? {_MONTHS}\b"
    rf"|\b{_MONTHS.replace('month', 'month2')} (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b"
)
"""A day named in a question ("at the 7 Nov meeting", "on November 18th")."""
EXCLUDED = re.compile(
    r"\b(?:besides|other than|apart from|aside from|except(?: for)?|excluding|not counting|"
    r"leaving out|beyond|in addition to|not) (?:the )?(?P<name>xcountryx)\b"
)
"""A State left out of the answer: "besides the Russians, who spoke?"."""
OUTSIDE_GROUP = re.compile(
    r"\b(?:not|aren'?t|isn'?t|are not|is not|weren'?t|were not|wasn'?t|outside(?: of)?|"
    r"other than|except(?: for)?|excluding|but not|minus|without|besides|apart from|"
    r"leaving out|not counting) (?:(?:in|members? of|part of|from|within|the members of) )?"
    r"(?:the )?(?P<group>xgroupx)\b|\bnon-? ?(?P<prefixed>xgroupx)\b"
)
"""A group whose members are left out: "the NATO allies that aren't in the EU", "non-EU"."""
INCLUDED_STATE = re.compile(
    r"\b(?:including|incl\.?) (?:the )?xcountryx\b|\bxcountryx (?:included|among them)\b"
)
"""A State named as one of a set asked about ("which of the sponsors, Benin included, …"):
emphasis, not a narrowing of the set."""

# --- follow-ups ---------------------------------------------------------------------------

FOLLOW_UP_OPENING = re.compile(
    r"^(?:(?:wait|hold on|oh|ah|um+|uh+|oops|sorry)[,!.]* )?"
    r"(?:and|also|plus|but|ok(?:ay)?|so|then|now|right|hmm|what about|how about|same for|"
    r"same question for|what of|and what about|and how about|and the|ok and|ok so)\b"
)
ANAPHORA = words(
    r"them",
    r"they",
    r"those",
    r"these",
    r"its",
    r"their",
    r"of them",
    r"the rest",
    r"which ones",
    r"the others",
    r"(?:did|was|has|had) it",
)
"""Words standing for the previous subject; a bare "it" is usually the draft, so only "did it
…" (the delegation just asked about) counts."""
BARE_MOMENT = re.compile(r"^(?:and |what about |how about )?(?P<moment>before|after)\b")
AGENT_PRONOUN = re.compile(
    r"\b(?:it|they|he|she)\s+(?:also\s+|actually\s+|even\s+|really\s+|then\s+)?"
    r"(?:vot(?:e|ed|es|ing)|abstain\w*|back(?:ed)?|support(?:ed)?|oppos(?:e|ed)|speak|spoke|"
    r"say|said|(?:co-?)?sponsor(?:ed)?|make a statement|made a statement|explain\w*|stand|"
    r"stood|sided?|land(?:ed)?|go|went|stick|stuck|do|did)\b"
    r"|\b(?:its|their|his|her) (?:own )?(?:votes?|positions?|stance|delegations?|country|"
    r"government|statements?)\b"
)
"""A pronoun acting as a State ("how did it vote?", "their position"): the subject of the
question before, where a bare "it" would be the draft ("was it adopted?")."""
PERSON_COUNTRY = re.compile(
    r"\b(?:his|her) (?:country|delegation|government|nation|mission)\b"
    r"|\bwhere (?:is|was|does|did) (?:he|she|the rapporteur) (?:come )?from\b"
    r"|\b(?:which|what) (?:country|delegation|nationality|nation|state)\b.{0,25}\b(?:he|she|him|"
    r"her)\b|\b(?:he|she) (?:is|was|comes?|came) from\b|\bnationality\b"
)
"""Asking for the country of the person the previous question was about (the Rapporteur)."""
ASKS_FOR_SOURCE = re.compile(
    r"^(?:and |so |ok |okay |pls |please |can you |could you )*(?:quote (?:it|that|this|them|"
    r"the (?:text|paragraph|para|line|passage))|(?:the )?exact (?:words|wording|text)|"
    r"(?:what is |whats )?(?:the |your )?sources?|(?:citation|cite (?:it|that|the paragraph))|"
    r"where does it say (?:that|this|so)|where is (?:that|this) (?:written|said|from)|"
    r"which (?:paragraph|para|part) (?:is|says|said) (?:that|this|it)|says who|proof)\b"
)
"""Asking where the previous answer stands in the document, or for its words."""
NEIGHBOUR_PARAGRAPH = re.compile(
    r"\b(?:the )?(?:one|para(?:graph)?|paragraph) (?:before|b4|above|preceding|previous|prior)"
    r"(?: (?:it|that|this|that one))?\b|\b(?:the )?(?:previous|preceding|prior) (?:one|para"
    r"(?:graph)?)\b|\b(?:the )?(?:next|following) (?:one|para(?:graph)?)\b"
    r"|\b(?:the )?(?:one|para(?:graph)?) (?:after|below|following)(?: (?:it|that|this))?\b"
)
"""The paragraph before or after the one just shown."""
CORRECTION = re.compile(
    r"\b(?:i|i'd) (?:meant|mean)\b|\bmeant to (?:say|ask|type|write)\b|\bsorry,? (?:i )?meant\b"
    r"|\bnot (?:the )?xcountryx,? (?:i meant |but )|\bwrong (?:country|one|vote|meeting)\b"
    r"|^(?:no|nope|sorry),? (?:the |i meant |i mean )"
)
"""Correcting the question before: "sorry, I meant Niger, not Nigeria"."""
IT_OR_THAT = words(r"it", r"that", r"this", r"they", r"them", r"its", r"those", r"there")
"""A pronoun for what the answer before was about."""
WHEN_OR_WHERE = re.compile(
    r"^(?:and |so |ok |okay )?(?:at |in |on )?(?:which|what) (?:meeting|date|day|session)"
    r"(?: was (?:that|this|it))?\??$"
    r"|^(?:and |so |ok |okay )?(?:when|where)(?: (?:was|is|did) (?:that|this|it)(?: happen)?)?\??$"
    r"|^(?:and |so )?(?:was|were|is) (?:that|it|this|they) (?:before|after) or (?:before|after)"
    r"(?: the vot(?:e|ing))?\??$"
)
"""A bare "at which meeting?" or "when?": asked of what the previous answer told."""

"""Turning what people type into text the cue patterns can read.

Chat questions come lower case, contracted and abbreviated ("how'd the kiwis vote", "uk y/n",
"didnt vote"). Patterns are written once against a plain form: lower case, straight quotes,
contractions expanded, chat shorthand spelled out, and each country or group the reader has
already found replaced by a placeholder word, so "how did the Swiss vote" and "how did Kenya
vote" are the same sentence to a pattern. Every step is a single left-to-right regex pass:
reading costs time linear in the length of the question.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from index.countries import name_for_code
from index.user_text import BIDI_CONTROLS

MAX_READ_CHARS = 1_000
"""Longer input is cut before reading: no question needs more, and reading stays cheap."""

COUNTRY = "xcountryx"
GROUP = "xgroupx"

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_FLAG = re.compile(r"[\U0001F1E6-\U0001F1FF]{2}")
_TRAILING_FLAGS = re.compile(r"(?<=\w)([?!.]*)\s*((?:[\U0001F1E6-\U0001F1FF]{2}\s*)+)$")
_HASHTAG_NUMBER = re.compile(r"(?<=\w )#\s?(?=\d)|(?<=\w)#(?=\d)")
_HASHTAG = re.compile(r"(?<![\w&])#\w+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_CONTRACTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"\bcan'?t\b"), "can not"),
    (
        re.compile(r"\b(did|does|do|was|were|is|are|has|have|had|could|would|should)n'?t\b"),
        r"\1 not",
    ),
    (re.compile(r"\b(how|who|where|what|why|when)'d\b"), r"\1 did"),
    (re.compile(r"\b(what|who|where|how|that|it|there|here|when|why)'s\b"), r"\1 is"),
    (re.compile(r"\b(what|where|how|who)s\b"), r"\1 is"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'s\b"), ""),
)
_BRITISH = re.compile(
    r"\b(organi|recogni|emphasi|prioriti|criminali|harmoni|reali|summari|authori|mobili|"
    r"utili|characteri|standardi|moderni|finali|legali|speciali|itemi|penali|apologi)s"
    r"(e|ed|es|ing|ation|ations|ational)\b"
)
"""British spellings folded to the UN's -ize forms ("organisational" is "organizational")."""
_SHORTHAND: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\by\s*/\s*n\b|\b(?:yay|yea|yeah) or nay\b|\byes\s*/\s*no\b|\bno\s*/\s*yes\b"
            r"|\bfor\s*/\s*against\b"
        ),
        "yes or no",
    ),
    (re.compile(r"\bpl[sz]\b|\bplease\b|\bthx\b|\bthanks\b"), " "),
    (re.compile(r"\bu\b"), "you"),
    (re.compile(r"\bur\b"), "your"),
    (re.compile(r"\bppl\b"), "people"),
    (re.compile(r"\bvs\b\.?|\bv\.\s"), "versus "),
    (re.compile(r"\bw/\s?"), "with "),
    (re.compile(r"\b(?:bc|cuz|coz)\b"), "because"),
    (re.compile(r"\babt\b"), "about"),
    (re.compile(r"\b(?:wat|wut|wht)\b"), "what"),
    (re.compile(r"&"), " and "),
    (re.compile(r"\b(?:unga|ga)\b"), "general assembly"),
    (re.compile(r"\bsg\b"), "secretary-general"),
    (re.compile(r"\b3rd\b"), "third"),
    (re.compile(r"(?<![\w/.])r(?= (?:they|you|we|there|these|those)\b)"), "are"),
    (re.compile(r"\bnyc?\b"), "new york"),
    (re.compile(r"\bpbis?\b"), "programme budget implications"),
    (re.compile(r"\borg session\b"), "organizational session"),
    (re.compile(r"\bres\b(?=[ ?.!,]|$)"), "resolution"),
    (_BRITISH, r"\1z\2"),
    (re.compile(r"\beovs\b"), "explanations of vote"),
    (re.compile(r"\beov\b"), "explanation of vote"),
    (re.compile(r"\b(?:or nah|lol|lmao|ngl|tbh|bruh|idk|imo|smh|ikr|omg|jk|fr fr)\b"), " "),
    (re.compile(r"\bat all\b"), " "),
    (re.compile(r"(?:\b|(?<=\s))'?em\b"), "them"),
)
_SPACES = re.compile(r"\s+")
_NUMERO = re.compile(r"\b(?:no|nr)\.?\s?(?=\d)|№\s?|\bno\.?(?= of (?:the )?\w+s\b)", re.IGNORECASE)
""""No. 4" and "no. of abstentions" are a number, not a vote against."""


_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\u00ad]")
"""Zero-width spaces and joiners and soft hyphens: invisible, and they split words."""
_CHAT_MARKUP = re.compile(
    r"\[(?P<label>[^\]\n]{0,200})\]\(\s*<?https?://[^)\s]*>?\s*\)"
    r"|<?https?://\S+>?"
    r"|<(?:@[!&]?|#)\d+>"
    r"|@(?:everyone|here)\b"
)
"""Discord markup around a question: a masked link reads as its label, a bare link, a mention
or "@everyone" as nothing ("who voted no @everyone" asks who voted no)."""


def _markup_words(match: re.Match[str]) -> str:
    return f" {match.group('label') or ''} "


def valid_text(raw: str) -> str:
    """The question as the reader reads it: no lone surrogates, no control or bidi
    characters, compatibility forms folded (fullwidth and mathematical letters are
    plain letters), no zero-width marks or chat markup, flag emoji as the names of their
    countries, hashtags dropped ("#2030" is a tag, not a year asked about, but "para #3" is
    paragraph 3), bounded length."""
    text = raw.encode("utf-8", "replace").decode("utf-8")
    text = BIDI_CONTROLS.sub("", _CONTROL.sub(" ", text))
    text = _ZERO_WIDTH.sub("", text)
    text = _CHAT_MARKUP.sub(_markup_words, text)
    text = _TRAILING_FLAGS.sub(_flag_aside, text)
    text = unicodedata.normalize("NFKC", _FLAG.sub(_flag_name, text))
    text = _HASHTAG.sub(" ", _HASHTAG_NUMBER.sub("", text))
    text = _NUMERO.sub("number ", text)
    return _SPACES.sub(" ", text).strip()[:MAX_READ_CHARS]


def _flag_aside(match: re.Match[str]) -> str:
    """Flags after the question has been asked decorate it ("how many arab states voted yes
    🇸🇦"): they are read as an aside in brackets, which names a subject only when the
    question names none that holds them."""
    names = [_flag_name(flag).strip() for flag in _FLAG.finditer(match.group(2))]
    return f"{match.group(1)} ({', '.join(name for name in names if name)})"


def _flag_name(match: re.Match[str]) -> str:
    """A flag emoji is two regional-indicator letters: the ISO code of its country."""
    code = "".join(chr(ord("A") + ord(symbol) - 0x1F1E6) for symbol in match.group())
    name = name_for_code(code)
    return f" {name} " if name else " "


def cue_text(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """The plain form patterns read: ``spans`` (start, end, placeholder) replace what the
    reader already understood, then case, quotes, contractions and shorthand are folded."""
    pieces: list[str] = []
    cursor = 0
    for start, end, placeholder in sorted(spans):
        if start < cursor:
            continue
        pieces += [text[cursor:start], f" {placeholder} "]
        cursor = end
    pieces.append(text[cursor:])
    plain = "".join(pieces).translate(_QUOTES).casefold()
    for pattern, replacement in (*_CONTRACTIONS, *_SHORTHAND):
        plain = pattern.sub(replacement, plain)
    plain = re.sub(r"[^\w/'.?\- ]", " ", plain)
    return _SPACES.sub(" ", plain).strip()


def searchable(text: str) -> str:
    """The question as passage retrieval should read it: chat shorthand spelled out ("GA",
    "SG"), so its words can meet the document's, and a chat opening ("and", "ok so") left
    out, since it carries no meaning and shifts the embedding."""
    plain = text.translate(_QUOTES).casefold()
    for pattern, replacement in _SHORTHAND:
        plain = pattern.sub(replacement, plain)
    return _OPENING.sub("", _SPACES.sub(" ", plain).strip())


_OPENING = re.compile(r"^(?:(?:and|so|ok|okay|also|but|hmm+|right|well)\b[,.]?\s+)+")


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one blank-separated string, to keep word lists readable."""
    return frozenset(text.split())


def words(plain: str) -> list[str]:
    """The words of a plain text, without punctuation (symbols such as "65/230" stay whole)."""
    return [w.strip(".'-") for w in re.findall(r"[\w/.'-]+", plain) if w.strip(".'-")]

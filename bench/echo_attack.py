"""Markup smuggled into questions never comes back live, and never costs a line.

Each of the 325 end-to-end questions (``eval/understanding.jsonl``) is asked again with one
hostile string before it, after its first word and after it: masked links,
raw URLs, spoilers, broadcast, role, user and channel mentions, Discord's other ``<…>``
markup, emphasis and code, line separators that would start a heading or a quote, zero-width
and bidi characters. A few questions made to be echoed ("what is the Malabo Convention …
here", "How did … vote?") carry every string too. All of it goes through one
``rapporteur ask --json -`` process, as a script would send it. Then, in process on the same
data folder, every string alone, after "Kenya" and before it goes to each other command that
takes typed text (``vote``, ``sponsors``, ``statements``, ``paragraph``, ``search``) and to
the pictures of a named document or group (``/map document:…``, the terminal's ``chart``).

Judged on what came out, independently of ``quote_user_text``:

- lost lines: fewer JSON lines than questions, a line that is not JSON, a ``question`` that is
  not the one sent at that place, or a raw U+0085, U+2028 or U+2029 in the stream;
- live markup: any string of an answer (``text``, the reading, a part's text, a source;
  everything but the ``question`` echoed as data) holding the string's markup in a form
  Discord would render, and the same for every embed the bot would send for that answer
  (``render_answer``: title, description, fields, footer);
- changed answers: the answer's kind, ``answered`` flag, or the set of States named differs
  from the clean question's. Reported, not judged: a string such as "@everyone" may fairly
  change how a question reads. The zero-width and line-separator spellings of the question
  itself say the same thing, so they are listed one by one when they differ.

The exit code is 1 for a lost line, a raw line end, a traceback, a hang or live markup.

Run: ``.venv/bin/python -m bench.echo_attack [--json]`` (about 3 minutes on 2 busy cores).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from eval.end_to_end import read_items
from index.answers import Answer
from index.engine import Engine
from index.settings import PROJECT_ROOT, EngineSettings

MARK = "pwn"
"""A word no question or document holds, so markup found around it came from the attack."""


ID = "123456789012345678"


class Injection(BaseModel):
    name: str
    text: str
    core: str = MARK
    """A regex for what is left of the string however it was quoted: to count the echoes."""


INJECTIONS = [
    Injection(name="masked link", text=f"[click](https://evil.example/{MARK})"),
    Injection(name="masked link, bracketed URL", text=f"[click](<https://evil.example/{MARK}>)"),
    Injection(name="masked link with zero-width", text=f"[cl\u200bick](\u200dhttps://e.x/{MARK})"),
    Injection(name="raw URL", text=f"https://evil.example/{MARK}"),
    Injection(name="bracketed URL", text=f"<https://evil.example/{MARK}>"),
    Injection(name="spoiler", text=f"||{MARK} spoiler||"),
    Injection(name="@everyone", text="@everyone", core="@\\W?everyone"),
    Injection(name="@here", text="@here", core="@\\W?here"),
    Injection(name="role mention", text=f"<@&{ID}>", core=ID),
    Injection(name="user mention", text=f"<@{ID}>", core=ID),
    Injection(name="nickname mention", text=f"<@!{ID}>", core=ID),
    Injection(name="channel mention", text=f"<#{ID}>", core=ID),
    Injection(name="command mention", text=f"</ask:{ID}>", core=ID),
    Injection(name="timestamp", text="<t:1700000000:R>", core="1700000000"),
    Injection(name="custom emoji", text=f"<:{MARK}:{ID}>"),
    Injection(name="inline code", text=f"`{MARK}`"),
    Injection(name="code block", text=f"```{MARK}```"),
    Injection(name="bold", text=f"**{MARK}**"),
    Injection(name="underline", text=f"__{MARK}__"),
    Injection(name="strike", text=f"~~{MARK}~~"),
    Injection(name="U+2028 heading", text=f"\u2028# {MARK}"),
    Injection(name="U+2029 quote", text=f"\u2029> {MARK}"),
    Injection(name="U+0085 subtext", text=f"\u0085-# {MARK}"),
    Injection(name="carriage return list", text=f"\r- {MARK}"),
    Injection(name="numbered list", text=f"\r1. {MARK}"),
    Injection(name="bidi override link", text=f"\u202e[click](https://evil.example/{MARK})"),
]

ECHOED = [
    "what is the Malabo Convention {} here",
    "How did {} vote?",
    "Did {} sponsor the draft?",
    "What did {} say?",
    "Which of {} voted against?",
    "Quote paragraph {}",
]
"""Questions whose unknown words an answer is likely to repeat."""

ZERO_WIDTH = "\u200b"

_NOT_ESCAPED = r"(?<!\\)"
_LIVE = {
    "masked link": re.compile(_NOT_ESCAPED + r"\[[^\]\n]*" + _NOT_ESCAPED + r"\]\(\s*<?\s*\S"),
    "URL": re.compile(r"\b(?:https?|discord)://", re.IGNORECASE),
    "spoiler": re.compile(_NOT_ESCAPED + r"\|\|[^|]*" + MARK),
    "broadcast": re.compile(r"@(?:everyone|here)\b", re.IGNORECASE),
    "mention": re.compile(_NOT_ESCAPED + r"<(?:@[!&]?|#)\d+>"),
    "command mention": re.compile(_NOT_ESCAPED + r"</[\w -]+:\d+>"),
    "timestamp": re.compile(_NOT_ESCAPED + r"<t:-?\d+(?::[tTdDfFR])?>"),
    "emoji": re.compile(_NOT_ESCAPED + r"<a?:\w+:\d+>"),
    "code": re.compile(_NOT_ESCAPED + "`+" + MARK),
    "emphasis": re.compile(_NOT_ESCAPED + r"(?:\*\*|__|~~)" + MARK),
    "line separator": re.compile("[\x85\u2028\u2029]"),
    "block at a line start": re.compile(
        r"(?m)^[ \t]*(?:#{1,3}|-#|>{1,3}|[-*+]|\d+\.)[ \t]+" + MARK
    ),
}
"""Each form of markup as Discord would render it: not preceded by a backslash, a mention
or a scheme not broken by a zero-width space."""


def live_markup(text: str) -> list[str]:
    """The names of the live forms of markup in ``text`` ([] when it renders inert).

    A block (heading, quote, list) starts a line at ``\\n`` or ``\\r`` in Discord: both count.
    """
    lines = text.replace("\r", "\n")
    return [name for name, pattern in _LIVE.items() if pattern.search(lines)]


class Asked(BaseModel):
    question: str
    injection: str
    placement: str
    clean: int
    """Index of the clean question this one was made from; -1 for the echo templates."""


class Finding(BaseModel):
    question: str
    injection: str
    placement: str
    where: str
    forms: list[str]


class Report(BaseModel):
    questions: int
    clean: int
    lines: int
    lost_lines: int
    raw_line_ends: int
    tracebacks: int
    hung: bool
    seconds: float
    live: list[Finding]
    commands: int
    """Answers and picture refusals of the other commands that take typed text."""
    commands_live: list[Finding]
    echoed: int
    """Answers whose text or reading repeat the string (titles always do): what was judged."""
    changed: dict[str, int]
    wrong: list[str]


def after_first_word(question: str, text: str) -> str:
    head, _, tail = question.partition(" ")
    return f"{head} {text} {tail}".rstrip()


def sprinkled(question: str) -> str:
    """A zero-width space after the first letter of every word: it reads the same."""
    return " ".join(w[:1] + ZERO_WIDTH + w[1:] if len(w) > 1 else w for w in question.split(" "))


def between_words(question: str) -> str:
    """A zero-width space before every word but the first, as some pages paste."""
    return question.replace(" ", " " + ZERO_WIDTH)


def separated(question: str) -> str:
    """Every space a LINE SEPARATOR (U+2028): one line still, for ``\\n``-only input."""
    return question.replace(" ", "\u2028")


NEUTRAL: dict[str, Callable[[str], str]] = {
    "zero-width inside every word": sprinkled,
    "zero-width between words": between_words,
    "U+2028 for every space": separated,
}
"""Spellings of the question that mean exactly what it says."""


def questions_to_ask(clean: Sequence[str]) -> list[Asked]:
    asked = [
        Asked(question=q, injection="none", placement="clean", clean=i) for i, q in enumerate(clean)
    ]
    for number, question in enumerate(clean):
        for injection in INJECTIONS:
            for placement, typed in (
                ("start", f"{injection.text} {question}"),
                ("middle", after_first_word(question, injection.text)),
                ("end", f"{question} {injection.text}"),
            ):
                asked.append(
                    Asked(
                        question=typed, injection=injection.name, placement=placement, clean=number
                    )
                )
        for name, spell in NEUTRAL.items():
            asked.append(
                Asked(question=spell(question), injection=name, placement="whole", clean=number)
            )
    for template in ECHOED:
        for injection in INJECTIONS:
            asked.append(
                Asked(
                    question=template.format(injection.text),
                    injection=injection.name,
                    placement="echoed",
                    clean=-1,
                )
            )
    return asked


def strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string of an answer's JSON that a user is shown, with where it is.

    The echoed ``question`` and the ``query``'s slots are data for scripts (the bot shows
    neither: its title is the question quoted), so of the query only ``reading`` is judged.
    """
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else key
            if key == "query" and isinstance(item, dict):
                yield f"{where}.reading", str(item.get("reading") or "")
            elif key != "question":
                yield from strings(item, where)
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from strings(item, f"{path}[{number}]")


def embed_strings(answer: Answer) -> Iterator[tuple[str, str]]:
    """Every string of the embeds the bot would send for ``answer``."""
    from bot.discord_app.render import render_answer

    for page, embed in enumerate(render_answer(answer)):
        data = embed.to_dict()
        yield f"embed[{page}].title", str(data.get("title", ""))
        yield f"embed[{page}].description", str(data.get("description", ""))
        yield f"embed[{page}].footer", str(data.get("footer", {}).get("text", ""))
        for field in data.get("fields", []):
            yield f"embed[{page}].field", f"{field['name']}\n{field['value']}"


def signature(answer: dict[str, Any]) -> tuple[object, ...]:
    votes = answer.get("votes") or []
    return (
        answer.get("kind"),
        answer.get("answered"),
        frozenset((v["country"], v["position"]) for v in votes),
    )


def command_answers(engine: Engine, typed: str) -> Iterator[tuple[str, Answer | str]]:
    """What each command that takes typed text shows for ``typed``: an answer, or the
    refusal of a picture (the text /map and the terminal's pictures show)."""
    from index.structured.vote_picture import NoVotePicture

    yield "vote", engine.vote(typed)
    yield "sponsors", engine.sponsors(typed)
    yield "statements", engine.statements(typed)
    yield "paragraph", engine.paragraph(typed)
    yield "search", engine.search(typed)
    pictures: dict[str, Callable[[], object]] = {
        "map": lambda: engine.vote_picture(typed),
        "map both": lambda: engine.trail_picture(typed),
        "groups": lambda: engine.groups_picture(None, [typed]),
    }
    for name, draw in pictures.items():
        try:
            draw()
        except NoVotePicture as refused:
            yield name, str(refused)


def commands_attack(data_dir: Path) -> tuple[int, list[Finding]]:
    """Every string alone, after a country and before one, through every other command."""
    engine = Engine(EngineSettings(seeds_dir=PROJECT_ROOT / "seeds", data_dir=data_dir))
    tried = 0
    live: list[Finding] = []
    for injection in INJECTIONS:
        for placement, typed in (
            ("alone", injection.text),
            ("after", f"Kenya {injection.text}"),
            ("before", f"{injection.text} Kenya"),
        ):
            for command, shown in command_answers(engine, typed):
                tried += 1
                places = (
                    [("refusal", shown)]
                    if isinstance(shown, str)
                    else [*strings(shown.model_dump(mode="json")), *embed_strings(shown)]
                )
                for where, text in places:
                    if forms := live_markup(text):
                        live.append(
                            Finding(
                                question=f"{command}: {typed}",
                                injection=injection.name,
                                placement=placement,
                                where=where,
                                forms=forms,
                            )
                        )
    return tried, live


def run(timeout: float) -> Report:
    clean = [item.question for item in read_items()]
    asked = questions_to_ask(clean)
    stdin = "".join(a.question + "\n" for a in asked).encode("utf-8")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("RAPPORTEUR_")}
    environ.pop("DISCORD_TOKEN", None)
    with tempfile.TemporaryDirectory(prefix="echo-attack-") as scratch:
        environ |= {
            "RAPPORTEUR_SEEDS_DIR": str(PROJECT_ROOT / "seeds"),
            "RAPPORTEUR_DATA_DIR": str(Path(scratch) / "data"),
            "HF_HUB_OFFLINE": "1",
            "PYTHONPATH": str(PROJECT_ROOT),
        }
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [sys.executable, "-m", "bot", "ask", "--json", "-"],
                input=stdin,
                capture_output=True,
                env=environ,
                cwd=scratch,
                timeout=timeout,
                check=False,
            )
            out, err, hung = done.stdout, done.stderr.decode(errors="replace"), False
        except subprocess.TimeoutExpired as expired:
            out, err, hung = expired.stdout or b"", "", True
        seconds = time.perf_counter() - started
        commands, commands_live = commands_attack(Path(scratch) / "data")
    raw_line_ends = sum(out.count(c.encode()) for c in ("\x85", "\u2028", "\u2029"))
    lines = out.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    answers: list[dict[str, Any] | None] = []
    for line in lines:
        try:
            answers.append(json.loads(line))
        except ValueError:
            answers.append(None)
    lost = max(0, len(asked) - len(answers))
    live: list[Finding] = []
    changed: Counter[str] = Counter()
    wrong: list[str] = []
    echoed = 0
    cores = {injection.name: re.compile(injection.core) for injection in INJECTIONS}
    clean_answers = answers[: len(clean)]
    for number, (item, answer) in enumerate(zip(asked, answers, strict=False)):
        if answer is None or answer.get("question") != item.question:
            lost += 1
            continue
        places = list(strings(answer)) + list(embed_strings(Answer.model_validate(answer)))
        core = cores.get(item.injection)
        if core is not None and any(
            core.search(text) for where, text in places if not where.endswith(".title")
        ):
            echoed += 1
        for where, text in places:
            forms = live_markup(text)
            if forms:
                live.append(
                    Finding(
                        question=item.question,
                        injection=item.injection,
                        placement=item.placement,
                        where=where,
                        forms=forms,
                    )
                )
        if number >= len(clean) and item.clean >= 0:
            reference = clean_answers[item.clean]
            if reference is not None and signature(answer) != signature(reference):
                changed[f"{item.injection}, {item.placement}"] += 1
                if item.injection in NEUTRAL:
                    wrong.append(f"{item.injection}: {clean[item.clean]}")
    return Report(
        questions=len(asked),
        clean=len(clean),
        lines=len(lines),
        lost_lines=lost,
        raw_line_ends=raw_line_ends,
        tracebacks=err.count("Traceback"),
        hung=hung,
        seconds=seconds,
        live=live,
        commands=commands,
        commands_live=commands_live,
        echoed=echoed,
        changed=dict(changed),
        wrong=wrong,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a hang")
    args = parser.parse_args(argv)
    report = run(args.timeout)
    if args.json:
        print(report.model_dump_json(indent=2))
    else:
        print(
            f"{report.questions} questions ({report.clean} clean, each again with "
            f"{len(INJECTIONS)} strings in 3 places and in {len(NEUTRAL)} neutral spellings; "
            f"{len(ECHOED)} echo templates with each string) in {report.seconds:.0f} s: "
            f"{report.lines} lines, {report.lost_lines} lost, "
            f"{report.raw_line_ends} raw line ends, "
            f"{report.tracebacks} tracebacks, {'a hang' if report.hung else '0 hangs'}, "
            f"{len(report.live)} strings with live markup; "
            f"{report.echoed} answers repeat the string in their text or reading"
        )
        for finding in report.live[:40]:
            print(f"  live {finding.forms} in {finding.where}: {finding.question!r}")
        print(
            f"other commands (vote, sponsors, statements, paragraph, search, map, map both, "
            f"groups): {report.commands} answers or refusals, "
            f"{len(report.commands_live)} strings with live markup"
        )
        for finding in report.commands_live[:40]:
            print(f"  live {finding.forms} in {finding.where}: {finding.question!r}")
        print("answers that differ from the clean question's (kind, answered, States):")
        for name, count in sorted(report.changed.items(), key=lambda kv: -kv[1]):
            print(f"  {name}: {count}")
        print(f"neutral spellings answered differently: {len(report.wrong)}")
        for line in report.wrong[:20]:
            print(f"  {line!r}")
    failed = report.lost_lines or report.raw_line_ends or report.tracebacks or report.hung
    return 1 if failed or report.live or report.commands_live else 0


if __name__ == "__main__":
    sys.exit(main())

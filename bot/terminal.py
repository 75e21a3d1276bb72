"""Rendering answers for a terminal, and the interactive console.

The answer text is markdown written for Discord; a terminal shows ``**bold**`` in bold when it
is a TTY and drops the markers otherwise, so piped output stays plain.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from bot.picture_files import console_groups, console_map, leading_ballot
from bot.question_log.errors import LogUnavailable
from bot.question_log.gaps import DEFAULT_DAYS, MAX_DAYS, GapDigest
from bot.text_io import input_lines
from index.answers import Answer
from index.engine import MAX_QUESTION_CHARS, Engine
from index.query import Ballot, Query
from index.search.models import ReadyAction, ReindexReport, SourceChange

if TYPE_CHECKING:
    from bot.question_log.writer import QuestionLog

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_ESCAPED = re.compile(r"\\([\\*_~`|\[\]()<>#])")
_HIDDEN_STAR = "\ue000"

CONSOLE_HELP = """Ask anything about the report, for example:
  How did France vote?        Who sponsored it?        What does the resolution decide?
  how did the african group vote?   did any G7 country vote yes?   and Brazil?
Commands: :vote [committee|plenary|both] COUNTRY  :search QUERY  :about  :reindex  :help  :quit
          :gaps [DAYS] (what I could not answer, grouped by meaning)
Pictures: :map [committee|plenary|both] [DOCUMENT]  :groups [committee|plenary] [GROUP-ID …]
          (write a PNG and print where; the map of both votes is the vote trail)"""


def render(answer: Answer, *, color: bool) -> str:
    """An answer with its cited sources, ready to print; a reading that involved a guess
    (a follow-up, a corrected name) is shown first, so the user can check it."""
    lines = [_style(answer.text, color=color)]
    if answer.query is not None and answer.query.uncertain:
        lines.insert(0, _style(f"*I read this as: {answer.query.reading}.*", color=color))
    if answer.sources:
        lines.append("")
        lines.append(_style("**Sources**", color=color))
        for number, source in enumerate(answer.sources, start=1):
            lines.append(f"  [{number}] {source.label} (score {source.score:.2f}): {source.text}")
    return "\n".join(lines)


def _style(text: str, *, color: bool) -> str:
    """Bold and italics for a terminal; characters the engine escaped show as typed.

    An escaped ``*`` is hidden while emphasis is matched, so user text quoted in an answer
    never turns into bold or italics here either.
    """
    text = _ESCAPED.sub(lambda m: _HIDDEN_STAR if m.group(1) == "*" else m.group(1), text)
    if color:
        text = _BOLD.sub("\033[1m\\1\033[0m", text)
        text = _ITALIC.sub("\033[3m\\1\033[0m", text)
    else:
        text = _ITALIC.sub("\\1", _BOLD.sub("\\1", text))
    return text.replace(_HIDDEN_STAR, "*")


def render_reindex(report: ReindexReport) -> str:
    if report.action is ReadyAction.REFUSED:
        return report.reason
    if not report.ok:
        return f"Reindex failed; the previous index is still serving. Reason: {report.reason}"
    changes = (
        f"documents +{len(report.documents_added)} -{len(report.documents_removed)} "
        f"~{len(report.documents_changed)}; paragraphs +{len(report.paragraphs_added)} "
        f"-{len(report.paragraphs_removed)} ~{len(report.paragraphs_changed)}"
    )
    lines = [
        f"Reindexed {report.documents} document(s), {report.paragraphs} paragraphs "
        f"({report.vectors} vectors, {report.index_type}) in {report.seconds:.1f} s: {changes}; "
        f"{report.texts_encoded} new texts embedded.",
        *(_change_line(change) for change in report.sources),
        *_skipped_lines(report.skipped),
    ]
    return "\n".join(lines)


def _change_line(change: SourceChange) -> str:
    paragraphs = f" ({change.paragraphs} paragraphs)" if change.paragraphs is not None else ""
    return f"  {change.kind} {change.change.value}: {change.id}: {change.title}{paragraphs}"


def _skipped_lines(skipped: list[str]) -> list[str]:
    return (
        [f"Skipped {len(skipped)} seed file(s):", *(f"  {line}" for line in skipped)]
        if skipped
        else []
    )


def render_about(engine: Engine) -> str:
    status = engine.about()
    lines = [
        f"{d.title}: {d.paragraphs} paragraphs; {d.vote or 'no vote'}"
        + (f"; {d.plenary}" if d.plenary else "")
        for d in status.documents
    ]
    lines += [
        f"{vote.title}: {vote.vote} (voting data: {vote.source}"
        + (f"; recommended in {vote.report})" if vote.report else "; no report knows its draft)")
        for vote in status.votes
    ]
    if status.index is not None and status.index.ready:
        built = (
            status.index.built_at.isoformat(timespec="seconds") if status.index.built_at else "?"
        )
        lines.append(
            f"Search index: {status.index.vectors} vectors, model {status.index.model}, "
            f"{status.index.index_type}, built {built}"
        )
    else:
        lines.append("Search index: not loaded yet (it loads on the first open question)")
    lines += _skipped_lines(status.skipped)
    return "\n".join(lines)


def render_gaps(digest: GapDigest) -> str:
    """The gaps digest for a terminal: each group's count, example, other wordings, how it
    was read, what the bot answered and the latest comment."""
    since = digest.since.date().isoformat()
    groups = len(digest.groups)
    lines = [
        f"Gaps of the last {digest.days} days (since {since}): {digest.questions} "
        f"question(s) in {groups} group(s)."
    ]
    if not digest.grouped_by_meaning:
        lines.append("(grouped by exact wording: the search index could not be loaded)")
    for number, group in enumerate(digest.groups, start=1):
        lines += ["", f"{number}. Asked {group.count} time(s): “{_printable(group.example)}”"]
        if group.wordings:
            lines.append("   Also asked as: " + " · ".join(map(_printable, group.wordings)))
        lines.append(
            f"   Read as {', '.join(group.kinds)} · refused {group.refused} · "
            f"voted down {group.down_votes}"
        )
        lines.append(f"   Answered: {_printable(group.answer)}")
        if group.latest_comment:
            lines.append(f"   Latest comment: “{_printable(group.latest_comment)}”")
    return "\n".join(lines)


def _printable(text: str) -> str:
    """Logged text came from users: no control character may reach the terminal."""
    return "".join(char if char.isprintable() else " " for char in text)


def console_gaps(engine: Engine, question_log: QuestionLog, argument: str) -> str:
    """``:gaps [DAYS]``: the digest, this session's questions included."""
    days = int(argument) if argument.strip().isdigit() else DEFAULT_DAYS
    if not 1 <= days <= MAX_DAYS:
        return f"Give a number of days from 1 to {MAX_DAYS}, for example :gaps 7."
    question_log.flush(timeout=2)
    try:
        return render_gaps(question_log.digest(days, engine.group_by_meaning))
    except LogUnavailable as error:
        return f"Cannot read the question log: {error}."


def console(
    engine: Engine,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    *,
    question_log: QuestionLog | None = None,
) -> int:
    """The interactive console: one question per line until ``:quit`` or end of input.
    Answers go to ``question_log`` like the bot's, for ``:gaps`` and ``rapporteur gaps``."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    color = stdout.isatty()
    interactive = stdin.isatty()
    if interactive:
        _enable_history()
    stdout.write(f"Rapporteur: questions about the report.\n{CONSOLE_HELP}\n")
    previous: Query | None = None

    def logged(answer: Answer, command: str) -> str:
        if question_log is not None:
            question_log.record_answer(answer, command=command)
        return render(answer, color=color)

    commands: dict[str, Callable[[str], str]] = {
        ":vote": lambda arg: logged(engine.vote(*_vote_argument(arg)), "vote"),
        ":search": lambda arg: logged(engine.search(arg), "search"),
        ":about": lambda _: render_about(engine),
        ":reindex": lambda _: render_reindex(engine.reindex()),
        ":help": lambda _: CONSOLE_HELP,
        ":map": lambda arg: console_map(engine, arg),
        ":groups": lambda arg: console_groups(engine, arg),
    }
    if question_log is not None:
        commands[":gaps"] = lambda arg: console_gaps(engine, question_log, arg)
    lines = input_lines(stdin, MAX_QUESTION_CHARS)
    while True:
        try:
            line = input("rapporteur> ") if interactive else next(lines, None)
        except (EOFError, KeyboardInterrupt):
            stdout.write("\n")
            return 0
        if line is None:
            return 0
        line = line.strip()
        if not line:
            continue
        if line in (":quit", ":q", ":exit"):
            return 0
        name, _, argument = line.partition(" ")
        handler = commands.get(name.casefold())
        if handler is None and name.startswith(":"):
            stdout.write(f"Unknown command {name}.\n{CONSOLE_HELP}\n")
            continue
        if handler is not None:
            reply = handler(argument)
        else:
            answer = engine.ask(line, previous)
            previous = answer.query or previous
            reply = logged(answer, "ask")
        stdout.write(f"{reply}\n\n")
        stdout.flush()


def _vote_argument(argument: str) -> tuple[str, Ballot]:
    ballot, country = leading_ballot(argument, Ballot.BOTH)
    return country, ballot


def _enable_history() -> None:
    """Arrow keys and history at the prompt where the platform has readline."""
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401

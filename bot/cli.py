"""The ``rapporteur`` command: the offline terminal front end and the bot's entry point.

Heavy libraries (discord.py, FAISS, the embedding model) are imported only by the commands
that need them, so ``rapporteur vote France`` starts in a fraction of a second.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from bot.picture_files import BALLOTS, KINDS, write_picture
from bot.question_log.entries import FrontEnd
from bot.question_log.errors import LogUnavailable
from bot.question_log.gaps import DEFAULT_DAYS, MAX_DAYS
from bot.question_log.settings import LogSettings, engine_and_log_settings
from bot.terminal import console, render, render_about, render_gaps, render_reindex
from bot.text_io import input_lines, json_line, use_utf8
from index.answers import Answer
from index.engine import MAX_QUESTION_CHARS, Engine
from index.parsing.errors import ParseError
from index.parsing.seed_files import read_seed
from index.query import Ballot
from index.regular_files import Unusable
from index.settings import EngineSettings, SettingsError, engine_settings

if TYPE_CHECKING:
    from bot.question_log.writer import QuestionLog

INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rapporteur",
        description="Questions and answers about the Third Committee report on countering the "
        "use of ICTs for criminal purposes (A/C.3/74/L.11/Rev.1). With no command: the Discord "
        "bot when DISCORD_TOKEN is set, otherwise the interactive console.",
    )
    commands = parser.add_subparsers(dest="command")
    ask = commands.add_parser("ask", help="answer one question ('-' reads one per line)")
    ask.add_argument("question", help="the question, or '-' to read questions from stdin")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    vote = commands.add_parser("vote", help="how a country voted")
    vote.add_argument("country", nargs="+", help="a name, alias or ISO code")
    vote.add_argument(
        "--vote",
        dest="ballot",
        choices=BALLOTS,
        default=Ballot.BOTH.value,
        help="the Committee's vote, the plenary's, or both (default: both)",
    )
    vote.add_argument("--json", action="store_true", help="print the answer as JSON")
    search = commands.add_parser("search", help="the top passages for a query, with scores")
    search.add_argument("query", nargs="+")
    search.add_argument("--k", type=int, default=5, help="how many passages (default 5)")
    search.add_argument("--json", action="store_true", help="print the result as JSON")
    commands.add_parser("console", help="interactive questions in the terminal")
    reindex = commands.add_parser("reindex", help="re-read seeds/ and rebuild the search index")
    reindex.add_argument("--json", action="store_true", help="print the report as JSON")
    add = commands.add_parser(
        "add",
        help="check a report (.md, .txt, .pdf) or voting data (.csv), copy it into seeds/ and "
        "reindex",
    )
    add.add_argument("file", type=Path, help="the report to add (or to replace, by its name)")
    add.add_argument("--json", action="store_true", help="print the report as JSON")
    commands.add_parser("about", help="the documents and the index status")
    chart = commands.add_parser("chart", help="draw the recorded vote as a PNG picture")
    chart.add_argument(
        "kind", choices=KINDS, help="map: a world map; groups: a bar per group of States"
    )
    chart.add_argument("--out", type=Path, help="where to write the PNG (default: data folder)")
    chart.add_argument("--document", help="which document's vote (default: the first)")
    chart.add_argument(
        "--vote",
        dest="ballot",
        choices=BALLOTS,
        default=Ballot.COMMITTEE.value,
        help="the Committee's vote (default), the plenary's, or both: the map of both is "
        "the vote trail, every State's Committee position → plenary position",
    )
    chart.add_argument(
        "--group",
        action="append",
        default=[],
        help="a group id for the groups chart, e.g. african-group (repeatable; "
        "default: the five UN regional groups)",
    )
    gaps = commands.add_parser(
        "gaps", help="questions the bot could not answer or that were voted down, by meaning"
    )
    gaps.add_argument(
        "--days", type=_days, default=DEFAULT_DAYS, help=f"how far back (default {DEFAULT_DAYS})"
    )
    gaps.add_argument("--json", action="store_true", help="print the digest as JSON")
    commands.add_parser("run", help="run the Discord bot (needs DISCORD_TOKEN)")
    return parser


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = 0
    if not 1 <= days <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"give a number of days from 1 to {MAX_DAYS}")
    return days


LOGGED = frozenset({"console", "gaps"})
"""Commands that read or write the question log; one-shot answers (``ask``, ``vote``) are
for scripts and are not logged."""


def main(argv: Sequence[str] | None = None) -> int:
    """The exit code: 0, 1 for a failed command or output that cannot be written, 2 for a
    setting or seed problem, 130 for Ctrl-C; every failure is one line on stderr."""
    _hold_standard_descriptors()
    try:
        use_utf8(sys.stdin, sys.stdout, sys.stderr)
        args = build_parser().parse_args(argv)
        try:
            if args.command in (None, "run"):
                return _bot_or_console(args)
            if args.command in LOGGED:
                settings, log_settings = engine_and_log_settings()
            else:
                settings, log_settings = engine_settings(), None
        except SettingsError as error:
            _say(str(error))
            return 2
        return _terminal(settings, log_settings, args, args.command)
    except KeyboardInterrupt:
        _say("interrupted")
        return INTERRUPTED


def run() -> NoReturn:
    """The ``rapporteur`` command: ``main``, then exit. After Ctrl-C the process ends at once,
    without waiting for worker threads still loading a model or building an index (their
    temporary files are removed on the next start); waiting could take seconds and let a
    half-imported library end the process by the signal instead of with 130."""
    code = main()
    if code == INTERRUPTED:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.flush()
        os._exit(code)
    sys.exit(code)


def _hold_standard_descriptors() -> None:
    """Open ``/dev/null`` on a closed stdin, stdout or stderr, so no file opened later takes
    its number (a library printing would write into it). A closed stdin reads as empty; a
    closed stdout is said by the commands that print."""
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            os.open(os.devnull, os.O_RDWR)  # the lowest free number: this one
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115  (lives as long as stdin)


def _say(line: str) -> None:
    if sys.stderr is not None:
        print(f"rapporteur: {line}", file=sys.stderr)


def _bot_or_console(args: argparse.Namespace) -> int:
    """``run``, or no command: the bot when a token is set, else the console. Only these read
    the Discord settings (and pay for pydantic-settings)."""
    from bot.settings import load_settings

    settings, bot_settings, log_settings = load_settings()
    command = args.command or ("run" if bot_settings.discord_token else "console")
    if command == "console":
        return _terminal(settings, log_settings, args, command)
    if bot_settings.discord_token is None:
        print("rapporteur: DISCORD_TOKEN is not set (see .env.example).", file=sys.stderr)
        return 2
    from bot.discord_app.runner import run_bot

    return run_bot(settings, bot_settings, log_settings)


def _terminal(
    settings: EngineSettings,
    log_settings: LogSettings | None,
    args: argparse.Namespace,
    command: str,
) -> int:
    if sys.stdout is None:
        _say("standard output is closed; nothing to write the answer to")
        return 1
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        engine = Engine(settings)
    except ParseError as error:
        print(f"rapporteur: cannot read the seed documents: {error}", file=sys.stderr)
        return 2
    question_log = None
    if log_settings is not None:
        from bot.question_log.writer import QuestionLog

        question_log = QuestionLog.open(log_settings, settings.data_dir, FrontEnd.CONSOLE)
    try:
        code = _run_terminal(engine, question_log, args, command)
        sys.stdout.flush()  # a full disk says so here, not in an ignored error at exit
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as other Unix tools do.
        _drop_output()
        return 0
    except OSError as error:
        # Every file the engine writes has its own fallback: what is left is the output.
        _drop_output()
        _say(f"cannot write the output: {error.strerror or error}")
        return 1
    finally:
        if question_log is not None:
            question_log.close()
    return code


def _drop_output() -> None:
    """Point stdout at /dev/null, so what is still buffered cannot fail again at exit."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _run_terminal(
    engine: Engine, question_log: QuestionLog | None, args: argparse.Namespace, command: str
) -> int:
    color = sys.stdout.isatty()
    if command == "ask":
        if args.question == "-":
            return _ask_lines(engine, as_json=args.json)
        _print_answer(engine.ask(args.question), as_json=args.json, color=color)
    elif command == "vote":
        answer = engine.vote(" ".join(args.country), Ballot(args.ballot))
        _print_answer(answer, as_json=args.json, color=color)
    elif command == "search":
        answer = engine.search(" ".join(args.query), k=max(1, min(args.k, 50)))
        _print_answer(answer, as_json=args.json, color=color)
    elif command == "reindex":
        report = engine.reindex()
        print(json_line(report) if args.json else render_reindex(report))
        # Built but not saved: the warning line (logged once) names the folder and the fix.
        return 0 if report.ok and report.persisted else 1
    elif command == "add":
        return _add(engine, args.file, as_json=args.json)
    elif command == "about":
        print(render_about(engine))
    elif command == "chart":
        return write_picture(
            engine, args.kind, args.out, args.document, args.group, Ballot(args.ballot)
        )
    elif command == "gaps":
        assert question_log is not None, "gaps reads the question log"
        return _print_gaps(engine, question_log, args.days, as_json=args.json)
    else:
        return console(engine, question_log=question_log)
    return 0


def _print_gaps(engine: Engine, question_log: QuestionLog, days: int, *, as_json: bool) -> int:
    try:
        digest = question_log.digest(days, engine.group_by_meaning)
    except LogUnavailable as error:
        _say(f"cannot read the question log: {error}")
        return 1
    print(json_line(digest) if as_json else render_gaps(digest))
    return 0


def _add(engine: Engine, file: Path, *, as_json: bool) -> int:
    """``rapporteur add FILE``: the file is read with the seeds folder's guards (no pipe, no
    device, nothing over the size limit), then checked and added as from Discord."""
    try:
        seed = read_seed(file, engine.settings.max_seed_bytes)
    except Unusable as why:
        print(f"rapporteur: not adding {file}: {why}", file=sys.stderr)
        return 1
    report = engine.add(file.name, seed.data)
    print(json_line(report) if as_json else render_reindex(report))
    return 0 if report.ok and report.persisted else 1


def _print_answer(answer: Answer, *, as_json: bool, color: bool) -> None:
    print(json_line(answer) if as_json else render(answer, color=color))


def _ask_lines(engine: Engine, *, as_json: bool) -> int:
    """One answer per input line, in order: JSON Lines for scripts and evaluations."""
    for line in input_lines(sys.stdin, MAX_QUESTION_CHARS):
        answer = engine.ask(line)
        if as_json:
            print(json_line(answer), flush=True)
        else:
            print(render(answer, color=False), end="\n\n", flush=True)
    return 0

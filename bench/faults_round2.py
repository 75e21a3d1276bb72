"""Issue 16's hostile round, rerun: each fault tried the way a user or an attacker would.

Every case runs the real ``rapporteur`` command as its own process (the Discord cases run
their end-to-end tests against the local fake Discord) and is judged on what came out: the
exit code, the lines on stderr, the answers on stdout. The summary counts tracebacks, hangs
(a case that needs its timeout), lost lines (fewer answers than questions) and wrong answers
(a right answer is one that names France "against", or the refusal the case expects).

The read-only mount and the full disk are real: a tmpfs in a private mount namespace
(``unshare``), skipped where the machine does not allow it.

The cases that need the fake Discord or the engine in process run their tests (``TESTS``),
and item 2 at scale is ``bench.echo_attack``.

Run: ``.venv/bin/python -m bench.faults_round2 [--skip-tests] [--json]`` (about 8 minutes,
most of it the Discord start-ups that build the search index in memory and the echo attack).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel

from index.settings import PROJECT_ROOT

TIMEOUT = 60.0
FRANCE = "How did France vote?"


class Case(BaseModel):
    item: int
    name: str
    ok: bool
    detail: str
    tracebacks: int = 0
    hung: bool = False
    lost_lines: int = 0
    wrong_answers: int = 0


class Run(BaseModel):
    code: int | None
    stdout: bytes
    stderr: str
    seconds: float
    peak_rss_mb: float = 0.0

    @property
    def hung(self) -> bool:
        return self.code is None

    @property
    def tracebacks(self) -> int:
        return self.stderr.count("Traceback")

    def answers(self) -> list[dict[str, object]]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


def rapporteur(
    folder: Path,
    *args: str,
    stdin: bytes | None = b"",
    env: dict[str, str] | None = None,
    wrapper: Sequence[str] = (),
    stdout: int | None = subprocess.PIPE,
    timeout: float = TIMEOUT,
) -> Run:
    """``python -m bot ARGS`` in ``folder`` with its own data folder; never waits forever."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("RAPPORTEUR_")}
    environ.pop("DISCORD_TOKEN", None)
    environ |= {
        "RAPPORTEUR_SEEDS_DIR": str(PROJECT_ROOT / "seeds"),
        "RAPPORTEUR_DATA_DIR": str(folder / "data"),
        "HF_HUB_OFFLINE": "1",
        "PYTHONPATH": str(PROJECT_ROOT),
        **(env or {}),
    }
    started = time.perf_counter()
    process = subprocess.Popen(
        [*wrapper, sys.executable, "-m", "bot", *args],
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=environ,
        cwd=folder,
    )
    try:
        out, err = process.communicate(stdin, timeout=timeout)
        code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        code = None
    return Run(
        code=code,
        stdout=out or b"",
        stderr=err.decode(errors="replace"),
        seconds=time.perf_counter() - started,
    )


def one_line(run: Run) -> bool:
    return not run.hung and run.tracebacks == 0 and len(run.stderr.strip().splitlines()) == 1


def france_against(answer: dict[str, object]) -> bool:
    votes = answer.get("votes")
    return isinstance(votes, list) and any(
        v.get("country") == "France" and v.get("position") == "against" for v in votes
    )


def case(item: int, name: str, run: Run, ok: bool, detail: str, **counts: int) -> Case:
    return Case(
        item=item,
        name=name,
        ok=ok and not run.hung and run.tracebacks == 0,
        detail=detail,
        tracebacks=run.tracebacks,
        hung=run.hung,
        **counts,
    )


def private_mounts() -> bool:
    probe = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", 'mount -t tmpfs tmpfs "$1"', "sh", "/mnt"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


# ---------------------------------------------------------------------------- the cases


def bad_model(folder: Path) -> list[Case]:
    questions = [FRANCE, "When does the ad hoc committee meet?", "what is A/74/130?", FRANCE]
    env = {"RAPPORTEUR_EMBEDDING_MODEL": "/no/such/model"}
    asked = rapporteur(folder, "ask", "--json", "-", stdin=_lines(questions), env=env)
    answers = asked.answers()
    right = [france_against(answers[0]), not answers[1]["answered"], france_against(answers[3])]
    reindex = rapporteur(folder, "reindex", env=env)
    return [
        case(
            3,
            "bad embedding model: ask --json -",
            asked,
            len(answers) == 4 and all(right),
            f"{len(answers)} answers for 4 questions; warnings: {asked.stderr.count('WARNING')}",
            lost_lines=4 - len(answers),
            wrong_answers=right.count(False),
        ),
        case(
            3,
            "bad embedding model: reindex",
            reindex,
            reindex.code == 1,
            f"exit {reindex.code}: {reindex.stderr.strip()[:90]}",
        ),
    ]


def bad_extra_seeds(folder: Path) -> list[Case]:
    """A file beside the report that does not parse: a note, random bytes, half a copy."""
    report = PROJECT_ROOT / "seeds" / "third-committee-report-ict-criminal-purposes-2019.md"
    extras = {
        "notes.md": b"# My notes\n\nAsk about the plenary vote.\n",
        "zz.md": bytes(range(256)) * 8,
        "partial.md": report.read_bytes()[: report.stat().st_size // 2],
    }
    cases: list[Case] = []
    for name, content in extras.items():
        here = _fresh(folder / f"seed-{name}")
        seeds = here / "seeds"
        seeds.mkdir()
        shutil.copy(report, seeds)
        (seeds / name).write_bytes(content)
        run = rapporteur(here, "vote", "--json", "France", env={"RAPPORTEUR_SEEDS_DIR": str(seeds)})
        answers = run.answers() if run.code == 0 else []
        right = bool(answers) and france_against(answers[0])
        warned = run.stderr.count(f"Skipping seed {seeds / name}: ")
        cases.append(
            case(
                5,
                f"vote France beside {name}",
                run,
                right and warned == 1 and one_line(run),
                f"exit {run.code}, France against: {right}; {warned} warning: "
                + run.stderr.split(f"{name}: ", 1)[-1].strip()[:70],
                lost_lines=1 - len(answers),
                wrong_answers=int(not right),
            )
        )
    return cases


def dot_env(folder: Path) -> list[Case]:
    cases: list[Case] = []
    makers: dict[str, Callable[[Path], object]] = {
        "a folder": Path.mkdir,
        "a FIFO": os.mkfifo,
        "a link to /dev/zero": lambda p: p.symlink_to("/dev/zero"),
    }
    for name, make in makers.items():
        here = _fresh(folder / f"env-{len(cases)}")
        make(here / ".env")
        run = rapporteur(here, "vote", "France")
        cases.append(
            case(
                8,
                f".env is {name}",
                run,
                one_line(run) and run.code == 2,
                f"exit {run.code}: {run.stderr.strip()[:80]}",
            )
        )
    here = _fresh(folder / "env-bom")
    (here / ".env").write_bytes(b"\xef\xbb\xbfRAPPORTEUR_MAX_SEED_BYTES=10\n")
    run = rapporteur(here, "vote", "France")
    cases.append(
        case(
            8,
            ".env with a UTF-8 byte-order mark",
            run,
            run.code == 2 and "over the limit of 10 bytes" in run.stderr,
            "its first line is read: " + run.stderr.strip()[:70],
        )
    )
    return cases


def data_folder_files(folder: Path) -> list[Case]:
    cases: list[Case] = []
    for name in ("records.json", "manifest.json"):
        for kind in ("FIFO", "link to /dev/zero"):
            here = _fresh(folder / f"{name}-{len(cases)}")
            (here / "data").mkdir()
            target = here / "data" / name
            os.mkfifo(target) if kind == "FIFO" else target.symlink_to("/dev/zero")
            question = FRANCE if name == "records.json" else "what is A/74/130?"
            run = rapporteur(here, "ask", "--json", question, timeout=240)
            answers = run.answers()
            right = bool(answers) and (
                france_against(answers[0])
                if name == "records.json"
                else bool(answers[0]["answered"])
            )
            cases.append(
                case(
                    9,
                    f"{name} is a {kind}",
                    run,
                    right and target.is_file(),
                    f"answered: {right}; rebuilt as a file: {target.is_file()}",
                    lost_lines=1 - len(answers),
                    wrong_answers=int(not right),
                )
            )
    return cases


def killed_chart_writes(folder: Path, rounds: int = 10) -> Case:
    here = _fresh(folder / "chart-kills")
    charts = here / "data" / "charts"
    killed = left = 0
    for _ in range(rounds):
        for stale in charts.glob("*.png") if charts.is_dir() else []:
            stale.unlink()  # so every round draws and writes
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "chart", "map"],
            cwd=here,
            env=_env(here),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + TIMEOUT
        while process.poll() is None and time.monotonic() < deadline:
            if charts.is_dir() and any(charts.glob(".*.tmp")):
                process.send_signal(signal.SIGKILL)
                killed += 1
                break
            time.sleep(0.0005)
        process.wait()
        left += len(list(charts.glob(".*.tmp"))) if charts.is_dir() else 0
    run = rapporteur(here, "chart", "map")
    remaining = len(list(charts.glob(".*.tmp")))
    return case(
        10,
        f"chart writes killed mid-write ({rounds} tries)",
        run,
        run.code == 0 and remaining == 0,
        f"{killed} killed inside the write, {left} temporaries left by them, "
        f"{remaining} after the next start",
    )


def chart_out(folder: Path, mounts: bool) -> list[Case]:
    here = _fresh(folder / "chart-out")
    previous = b"\x89PNG the previous picture"
    out = here / "vote.png"
    out.write_bytes(previous)
    intact = landed = 0
    rounds = 10
    for _ in range(rounds):
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "chart", "map", "--out", str(out)],
            cwd=here,
            env=_env(here),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + TIMEOUT
        while process.poll() is None and time.monotonic() < deadline:
            if any(here.glob(".vote.png.*.tmp")):
                process.send_signal(signal.SIGKILL)
                landed += 1
                break
            time.sleep(0.0005)
        process.wait()
        data = out.read_bytes()
        intact += data == previous or (len(data) > 100_000 and data.endswith(b"IEND\xaeB`\x82"))
        out.write_bytes(previous)
        for stale in here.glob(".vote.png.*.tmp"):
            stale.unlink()
    dummy = Run(code=0, stdout=b"", stderr="", seconds=0)
    cases = [
        case(
            11,
            f"chart --out killed mid-write ({rounds} tries)",
            dummy,
            intact == rounds,
            f"{landed} killed inside the write; {intact} of {rounds} left a whole picture "
            "(the old one or the new one)",
        )
    ]
    if mounts:
        script = (
            'mount -t tmpfs -o size=64k tmpfs "$MOUNT" && printf old > "$MOUNT/vote.png" && '
            '{ head -c 1048576 /dev/zero > "$MOUNT/filler"; } 2>/dev/null; '
            '"$@"; code=$?; printf "\\n%s %s" "$code" "$(cat "$MOUNT/vote.png")"; '
            'ls -a "$MOUNT" | tr "\\n" " "'
        )
        mount = _fresh(folder / "chart-full") / "mount"
        mount.mkdir()
        run = rapporteur(
            mount.parent,
            "chart",
            "map",
            "--out",
            str(mount / "vote.png"),
            env={"MOUNT": str(mount)},
            wrapper=["unshare", "-Urm", "sh", "-c", script, "sh"],
        )
        tail = run.stdout.decode(errors="replace").splitlines()[-1]
        ok = tail.startswith("1 old") and ".tmp" not in tail and "No space left" in run.stderr
        cases.append(
            case(
                11,
                "chart --out on a full disk",
                run,
                ok,
                f"{run.stderr.strip()[:60]}; exit, file and folder: {tail}",
            )
        )
    return cases


def terminal_streams(folder: Path) -> list[Case]:
    here = _fresh(folder / "streams")
    with open("/dev/full", "wb") as full:
        to_full = rapporteur(here, "vote", "France", stdout=full.fileno())
    closed = rapporteur(here, "vote", "France", wrapper=["sh", "-c", 'exec "$@" >&-', "sh"])
    cases = [
        case(
            14,
            "vote France > /dev/full",
            to_full,
            one_line(to_full) and to_full.code == 1,
            f"exit {to_full.code}: {to_full.stderr.strip()}",
        ),
        case(
            14,
            "vote France with stdout closed",
            closed,
            one_line(closed) and closed.code == 1,
            f"exit {closed.code}: {closed.stderr.strip()}",
        ),
    ]
    for args, wait in ((("ask", "--json", "-"), 4.0), (("reindex",), 4.0)):
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", *args],
            cwd=here,
            env=_env(here),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(wait)
        process.send_signal(signal.SIGINT)
        try:
            _, err = process.communicate(timeout=TIMEOUT)
            run = Run(code=process.returncode, stdout=b"", stderr=err.decode(), seconds=0)
        except subprocess.TimeoutExpired:
            process.kill()
            run = Run(code=None, stdout=b"", stderr="", seconds=TIMEOUT)
        cases.append(
            case(
                14,
                f"Ctrl-C during {' '.join(args)}",
                run,
                one_line(run) and run.code == 130,
                f"exit {run.code}: {run.stderr.strip()}",
            )
        )
    return cases


def huge_line(folder: Path, megabytes: int = 200) -> Case:
    """The line is written to a file in pieces and given as stdin, so the child's peak RSS
    is its own (a child forked while this process held 200 MB would count them too)."""
    here = _fresh(folder / "huge-line")
    questions = here / "questions.txt"
    with questions.open("wb") as handle:
        handle.write(_lines([FRANCE]))
        for _ in range(megabytes):
            handle.write(b"x" * (1 << 20))
        handle.write(b"\n" + _lines([FRANCE]))
    started = time.perf_counter()
    with questions.open("rb") as stdin:
        process = subprocess.run(
            [sys.executable, "-m", "bot", "ask", "--json", "-"],
            cwd=here,
            env=_env(here),
            stdin=stdin,
            capture_output=True,
            timeout=300,
            check=False,
        )
    peak = _children_peak_kb() / 1024  # this is the first child that does any work
    run = Run(
        code=process.returncode, stdout=process.stdout, stderr=process.stderr.decode(), seconds=0
    )
    answers = run.answers()
    echoed = max((len(str(a["question"])) for a in answers), default=0)
    right = len(answers) == 3 and france_against(answers[0]) and france_against(answers[2])
    refused = len(answers) == 3 and "too long" in str(answers[1]["text"])
    return case(
        15,
        f"one {megabytes} MB line between two questions",
        run,
        right and refused,
        f"{len(answers)} answers, longest echo {echoed} chars, "
        f"{time.perf_counter() - started:.1f} s, peak RSS {peak:.0f} MB",
        lost_lines=3 - len(answers),
        wrong_answers=int(not (right and refused)),
    )


def console_pictures(folder: Path) -> Case:
    here = _fresh(folder / "console-maps")
    (here / "data").write_text("a file where the data folder should be")
    scratch = _fresh(folder / "console-tmp")
    run = rapporteur(
        here, "console", stdin=b":map\n" * 40, env={"TMPDIR": str(scratch)}, timeout=240
    )
    files = [p for p in scratch.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files) / 1e6
    written = run.stdout.decode().count("Picture written to")
    return case(
        16,
        "40 :map with an unwritable data folder",
        run,
        written == 40 and len(files) == 1,
        f"{written} pictures shown, {len(files)} file(s) left ({size:.1f} MB)",
    )


def settings_values(folder: Path) -> list[Case]:
    here = _fresh(folder / "settings")
    token = {"DISCORD_TOKEN": "abc\ndef-secret"}
    inf = rapporteur(
        here, "run", env={"DISCORD_TOKEN": "x", "RAPPORTEUR_ASK_COOLDOWN_SECONDS": "inf"}
    )
    bad = rapporteur(here, "run", env=token)
    return [
        case(
            17,
            "RAPPORTEUR_ASK_COOLDOWN_SECONDS=inf",
            inf,
            one_line(inf) and inf.code == 2,
            inf.stderr.strip()[:100],
        ),
        case(
            18,
            "a token with a line break",
            bad,
            one_line(bad)
            and bad.code == 2
            and "malformed" in bad.stderr
            and "secret" not in bad.stderr,
            bad.stderr.strip()[:100],
        ),
    ]


TESTS: list[tuple[int, str, str]] = [
    (1, "tests/e2e/test_unwritable_data.py", ""),
    (2, "tests/index/test_echoes.py", ""),
    (
        2,
        "tests/e2e/test_hostile_users.py",
        "test_user_text_in_answers_and_titles_renders_no_link_and_pings_no_one",
    ),
    (2, "tests/e2e/test_hostile_users.py", "test_an_unknown_map_document_is_quoted_not_rendered"),
    (3, "tests/e2e/test_missing_model.py", ""),
    (
        4,
        "tests/e2e/test_one_window.py",
        "test_one_person_gets_one_answer_per_window_whatever_they_use",
    ),
    (5, "tests/e2e/test_documents.py", "test_about_lists_a_seed_that_was_skipped"),
    (6, "tests/e2e/test_process.py", "test_a_gateway_that_refuses_the_connection_is_one_line"),
    (7, "tests/e2e/test_one_window.py", "test_a_burst_of_mentions_gets_one_answer_and_one_notice"),
    (12, "tests/e2e/test_lost_answers.py", ""),
    (13, "tests/e2e/test_stale_interactions.py", ""),
    (
        19,
        "tests/index/reading/test_text.py",
        "test_valid_text_reads_flags_compatibility_forms_and_tags",
    ),
    (19, "tests/index/reading/test_reading.py", "test_text_forms_read_as_the_plain_question"),
    (19, "tests/bot/discord_app/test_questions.py", "test_looks_like_question"),
]
"""The cases that need the fake Discord or the engine in process: their tests (item, file,
test or "" for the whole file), run as such."""


def tested_cases() -> list[Case]:
    cases = []
    for item, path, name in TESTS:
        test = f"{path}::{name}" if name else path
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        summary = (done.stdout.strip().splitlines() or ["?"])[-1]
        run = Run(code=done.returncode, stdout=b"", stderr="", seconds=0)
        cases.append(
            case(
                item,
                f"test: {test.split('/')[-1]}",
                run,
                done.returncode == 0,
                f"{summary} ({time.perf_counter() - started:.0f} s)",
            )
        )
    return cases


def echo_attack() -> Case:
    """Item 2 at scale: ``bench.echo_attack``, its counts taken as this round's."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.echo_attack", "--json"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        timeout=3600,
        check=False,
    )
    report = json.loads(done.stdout)
    live = len(report["live"]) + len(report["commands_live"])
    run = Run(
        code=done.returncode, stdout=b"", stderr=done.stderr.decode(errors="replace"), seconds=0
    )
    return Case(
        item=2,
        name=f"hostile strings in {report['questions']:,} questions and "
        f"{report['commands']} commands (bench.echo_attack)",
        ok=done.returncode == 0 and live == 0,
        detail=f"{report['lines']} lines for {report['questions']} questions, {live} live markup, "
        f"{report['echoed']} answers repeat the string quoted",
        tracebacks=report["tracebacks"] + run.tracebacks,
        hung=report["hung"],
        lost_lines=report["lost_lines"],
    )


# ---------------------------------------------------------------------------- helpers


def _lines(questions: Sequence[str]) -> bytes:
    return "".join(f"{q}\n" for q in questions).encode()


def _fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def _env(folder: Path) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("RAPPORTEUR_")}
    return environ | {
        "RAPPORTEUR_SEEDS_DIR": str(PROJECT_ROOT / "seeds"),
        "RAPPORTEUR_DATA_DIR": str(folder / "data"),
        "HF_HUB_OFFLINE": "1",
        "PYTHONPATH": str(PROJECT_ROOT),
    }


def _children_peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--skip-tests", action="store_true", help="neither the tests nor the echo attack"
    )
    parser.add_argument("--json", action="store_true", help="print the cases as JSON")
    args = parser.parse_args(argv)
    mounts = private_mounts()
    with tempfile.TemporaryDirectory(prefix="faults-round2-") as scratch:
        folder = Path(scratch)
        cases = [
            huge_line(folder),
            *bad_model(folder),
            *bad_extra_seeds(folder),
            *dot_env(folder),
            *data_folder_files(folder),
            killed_chart_writes(folder),
            *chart_out(folder, mounts),
            *terminal_streams(folder),
            console_pictures(folder),
            *settings_values(folder),
        ]
    if not args.skip_tests:
        cases.extend([*tested_cases(), echo_attack()])
    cases.sort(key=lambda c: c.item)
    if args.json:
        print(json.dumps([c.model_dump() for c in cases], indent=2))
    else:
        print("| item | case | fixed | what happened |\n|---:|---|---|---|")
        for c in cases:
            print(f"| {c.item} | {c.name} | {'yes' if c.ok else '**no**'} | {c.detail} |")
        totals = {
            "tracebacks": sum(c.tracebacks for c in cases),
            "hangs": sum(c.hung for c in cases),
            "lost lines": sum(c.lost_lines for c in cases),
            "wrong answers": sum(c.wrong_answers for c in cases),
            "cases not fixed": sum(not c.ok for c in cases),
        }
        print("\n" + ", ".join(f"{n} {name}" for name, n in totals.items()))
        if not mounts:
            print("(the full-disk --out case was skipped: no private mounts on this machine)")
    return 0 if all(c.ok for c in cases) else 1


if __name__ == "__main__":
    sys.exit(main())

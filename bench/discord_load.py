"""50 concurrent ``/ask`` passage questions through the local fake Discord, on a busy host.

The real bot (discord.py, the real engine, model and index) runs in this process against
``tests/e2e/fake_discord.py``; two CPU-bound processes keep both cores busy meanwhile. For
each interaction: the time until Discord got its acknowledgement (it drops interactions not
acknowledged within 3 s) and until the final answer arrived. Also the bot's RSS after its
warm-up. Numbers, never assertions.

Run: ``.venv/bin/python -m bench.discord_load [--interactions 50] [--json]``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import discord
import psutil
import yarl
from pydantic import BaseModel

from bench.busy import busy_host
from bot.discord_app.client import RapporteurBot, create_bot
from bot.question_log.entries import FrontEnd
from bot.question_log.settings import LogSettings
from bot.question_log.writer import QuestionLog
from bot.settings import BotSettings
from index.engine import Engine
from index.settings import EngineSettings
from tests.e2e.fake_discord import GUILD_ID, FakeDiscord

PASSAGE_QUESTIONS = (
    "When does the ad hoc committee meet?",
    "Who pays for delegates from developing countries?",
    "What day was the general discussion held?",
    "Which report did the Committee have before it?",
    "What is resolution 65/230 about?",
    "Who introduced the statement at the 5th meeting?",
    "When was the Doha Declaration adopted?",
    "What does the resolution say about capacity-building?",
    "Where will the ad hoc committee meet?",
    "What will the Assembly examine at its seventy-fifth session?",
)
ACK_LIMIT_MS = 3000.0


class LoadReport(BaseModel):
    interactions: int
    busy_processes: int
    acknowledged_within_3s: int
    ack_p50_ms: float
    ack_p99_ms: float
    ack_max_ms: float
    answer_p50_ms: float
    answer_p99_ms: float
    answer_max_ms: float
    rss_after_warm_up_mb: float
    torch_imported: bool


def _p(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))], 1)


async def measure(data_dir: Path, interactions: int, busy_processes: int) -> LoadReport:
    fake = FakeDiscord()
    await fake.start()
    discord.http.Route.BASE = fake.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    engine = Engine(EngineSettings(data_dir=data_dir))
    settings = BotSettings(_env_file=None, discord_token="fake-token", ask_cooldown_seconds=0)
    state = Path(tempfile.mkdtemp(prefix="rapporteur-bot-state-"))
    question_log = QuestionLog.open(LogSettings(), state, FrontEnd.DISCORD)
    bot = create_bot(engine, settings, question_log, state_dir=state)
    assert isinstance(bot, RapporteurBot)
    running = asyncio.create_task(bot.start("fake-token"))
    try:
        while bot.get_guild(GUILD_ID) is None:
            if running.done():
                running.result()
            await asyncio.sleep(0.02)
        await asyncio.wait_for(bot.warm_up_done.wait(), timeout=600)
        rss_mb = psutil.Process().memory_info().rss / 2**20
        torch_imported = "torch" in sys.modules
        with busy_host(busy_processes, seconds=300):
            await asyncio.sleep(0.5)
            invocations = await asyncio.gather(
                *(
                    fake.invoke("ask", {"question": PASSAGE_QUESTIONS[n % len(PASSAGE_QUESTIONS)]})
                    for n in range(interactions)
                )
            )
            acks, answers = [], []
            for invocation in invocations:
                (ack,) = await fake.wait_for(fake.callback_of(invocation), timeout=60)
                final = await fake.wait_for(fake.followups_of(invocation), timeout=120)
                acks.append((ack.at - invocation.sent_at) * 1000)
                answers.append((min(r.at for r in final) - invocation.sent_at) * 1000)
    finally:
        await bot.close()
        await asyncio.wait_for(running, timeout=30)
        await fake.stop()
    return LoadReport(
        interactions=interactions,
        busy_processes=busy_processes,
        acknowledged_within_3s=sum(ms <= ACK_LIMIT_MS for ms in acks),
        ack_p50_ms=round(statistics.median(acks), 1),
        ack_p99_ms=_p(acks, 0.99),
        ack_max_ms=round(max(acks), 1),
        answer_p50_ms=round(statistics.median(answers), 1),
        answer_p99_ms=_p(answers, 0.99),
        answer_max_ms=round(max(answers), 1),
        rss_after_warm_up_mb=round(rss_mb, 1),
        torch_imported=torch_imported,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--interactions", type=int, default=50)
    parser.add_argument("--busy-processes", type=int, default=2)
    parser.add_argument("--data-dir", type=Path, help="an index folder (built if needed)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="rapporteur-load-"))
    if not (data_dir / "manifest.json").is_file():
        started = time.perf_counter()
        Engine(EngineSettings(data_dir=data_dir)).reindex()
        print(f"built the index in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    report = asyncio.run(measure(data_dir, args.interactions, args.busy_processes))
    if args.json:
        print(report.model_dump_json(indent=2))
    else:
        print(
            f"{report.interactions} concurrent /ask passage questions, "
            f"{report.busy_processes} CPU-bound processes running: "
            f"{report.acknowledged_within_3s}/{report.interactions} acknowledged within 3 s "
            f"(p50 {report.ack_p50_ms} ms, p99 {report.ack_p99_ms} ms, max {report.ack_max_ms} "
            f"ms); final answer p50 {report.answer_p50_ms} ms, p99 {report.answer_p99_ms} ms, "
            f"max {report.answer_max_ms} ms. Bot RSS after warm-up: "
            f"{report.rss_after_warm_up_mb} MB (torch imported: {report.torch_imported})."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

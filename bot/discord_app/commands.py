"""Slash commands and chat listeners: Discord interactions in, engine calls out.

Engine calls run on the bot's bounded worker lanes (``workers``), so the event loop stays
free to acknowledge everyone within Discord's 3 s window. A structured answer that is ready
within ``ANSWER_WITHIN`` seconds is sent as the response itself; otherwise, and at once when
the workers are all busy, the interaction is deferred first and answered when ready. ``ask``,
``search`` and ``reindex`` always defer: they may build the index. Every option that takes
typed text is bounded in length, and every command that takes typed text shares the one
per-person cooldown window with the questions asked in chat.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.charts.pictures import Picture, trail_chart, vote_map
from bot.charts.store import PictureStore
from bot.discord_app import delivery, gaps_view, pictures, status_view
from bot.discord_app.context import BotContext
from bot.discord_app.conversations import Conversations
from bot.discord_app.pager import Paged
from bot.discord_app.permissions import is_moderator, one_window
from bot.discord_app.questions import (
    looks_like_question,
    question_problem,
    slow_down,
    strip_mentions,
)
from bot.discord_app.render import notice, render_answer
from bot.discord_app.views import answer_view
from bot.discord_app.workers import Busy
from bot.question_log.errors import LogUnavailable
from bot.question_log.gaps import DEFAULT_DAYS, MAX_DAYS, GapDigest
from index.adding import size_problem
from index.answers import Answer
from index.engine import MAX_QUESTION_CHARS, refused
from index.query import Ballot
from index.records import Position
from index.search.models import ReindexReport
from index.structured.vote_picture import NoVotePicture
from index.user_text import NAME_LIMIT

log = logging.getLogger(__name__)

AUTOCOMPLETE_LIMIT = 25
CHOICE_NAME_LIMIT = 100
SEARCH_RESULTS = 5
PICTURES_FOLDER = "charts"
UNEXPECTED_ERROR = "Something went wrong on my side. It has been logged; please try again later."
BUSY = "I am answering a lot of questions right now; please ask again in a few seconds."
ANSWER_WITHIN = 0.5
"""Seconds a structured answer may take before the interaction is deferred instead."""

Question = app_commands.Range[str, 1, MAX_QUESTION_CHARS]
Days = app_commands.Range[int, 1, MAX_DAYS]
Name = app_commands.Range[str, 1, NAME_LIMIT]

ROSTER_CHOICES = [
    app_commands.Choice(name="in favour", value=Position.IN_FAVOUR.value),
    app_commands.Choice(name="against", value=Position.AGAINST.value),
    app_commands.Choice(name="abstaining", value=Position.ABSTAINING.value),
    app_commands.Choice(name="did not vote", value=Position.ABSENT.value),
]


BALLOT_CHOICES = [
    app_commands.Choice(name="both: the Committee, then the plenary", value=Ballot.BOTH.value),
    app_commands.Choice(name="the Third Committee's vote", value=Ballot.COMMITTEE.value),
    app_commands.Choice(name="the General Assembly plenary vote", value=Ballot.PLENARY.value),
]


def _ballot(choice: app_commands.Choice[str] | None, default: Ballot) -> Ballot:
    return Ballot(choice.value) if choice is not None else default


def _choices(names: list[str]) -> list[app_commands.Choice[str]]:
    return [
        app_commands.Choice(name=name[:CHOICE_NAME_LIMIT], value=name)
        for name in names[:AUTOCOMPLETE_LIMIT]
    ]


class RapporteurCog(commands.Cog):
    """The bot's whole user-facing surface."""

    def __init__(self, bot: commands.Bot, context: BotContext) -> None:
        self.bot = bot
        self.context = context
        self.engine = context.engine
        self.settings = context.settings
        self._reindex_lock = asyncio.Lock()
        charts = context.state_dir / PICTURES_FOLDER if context.state_dir is not None else None
        self.pictures = PictureStore(charts)
        self._conversations = Conversations(self.settings.follow_up_seconds)

    async def _answer(
        self,
        interaction: discord.Interaction,
        call: Callable[[], Answer],
        *,
        typed: bool = True,
        defer: bool = False,
        private: bool = False,
    ) -> tuple[Answer, int | None] | None:
        """Answer with ``call``'s answer, logged, with the picture it names and its buttons;
        the answer and the id of the message sent (``None`` when busy)."""
        answer = await self._run(interaction, call, typed=typed, defer=defer, private=private)
        if answer is None:
            return None
        pages = render_answer(answer, self.context.captions)
        if answer.illustration is not None and not interaction.response.is_done():
            await delivery.defer(interaction, ephemeral=private)  # drawing may take a second
        picture = await self._picture(answer, pages)
        command = interaction.command.name if interaction.command else "?"
        answer_id = self.context.question_log.record_answer(
            answer, command=command, guild_id=interaction.guild_id,
            channel_id=interaction.channel_id,
        )  # fmt: skip
        paged = Paged(pages, interaction.user.id, answer_id, private, picture)
        return answer, await self._send(interaction, paged, ephemeral=private)

    async def _send(
        self, interaction: discord.Interaction, paged: Paged, *, ephemeral: bool = False
    ) -> int | None:
        """Send ``paged``'s first page with its buttons and keep it for turning pages."""
        file = pictures.attachment(paged.picture) if paged.picture else None
        sent, paged.edit = await delivery.send_page(
            interaction, paged.current, file=file, view=answer_view(paged), ephemeral=ephemeral
        )
        self.context.pager.keep(paged)
        return sent

    async def _run(
        self,
        interaction: discord.Interaction,
        call: Callable[[], Answer],
        *,
        typed: bool = True,
        defer: bool = False,
        private: bool = False,
    ) -> Answer | None:
        """Run ``call`` on its lane, deferring whenever it may be slow; ``None`` when busy.

        Typed text defers at once when asked to or when every worker is busy; otherwise
        the interaction is deferred only if the answer is not ready within ``ANSWER_WITHIN``.
        A private answer defers ephemerally, so the answer that replaces "thinking…" is too.
        """
        workers = self.context.workers
        if typed and (defer or workers.text_saturated):
            await delivery.defer(interaction, ephemeral=private)
        try:
            pending = workers.text(call) if typed else workers.fixed(call)
        except Busy:
            await delivery.send_notice(interaction, BUSY)
            return None
        if not interaction.response.is_done():
            done, _ = await asyncio.wait({pending}, timeout=ANSWER_WITHIN)
            if not done:
                await delivery.defer(interaction, ephemeral=private)
        return await pending

    async def _picture(self, answer: Answer, pages: list[discord.Embed]) -> Picture | None:
        """The picture an answer names, drawn into its pages; ``None`` when it has none."""
        if answer.illustration is None:
            return None
        return await pictures.illustrated(self.engine, self.pictures, answer.illustration, pages)

    async def _suggest_countries(self, current: str) -> list[app_commands.Choice[str]]:
        names = await self.context.workers.fixed(
            lambda: self.engine.country_suggestions(current, AUTOCOMPLETE_LIMIT)
        )
        return _choices(names)

    async def _checked_question(self, interaction: discord.Interaction, text: str) -> bool:
        problem = question_problem(text, self.settings.max_question_length)
        if problem is not None:
            await delivery.send_notice(interaction, problem)
            return False
        return True

    # ------------------------------------------------------------------ questions

    @app_commands.command(
        name="ask", description="Ask a question about the 2019 report on ICT crime."
    )
    @app_commands.describe(
        question="For example: How did Kenya vote? Who sponsored the draft?",
        private="Only you see the answer (you can share it in the channel afterwards).",
    )
    @one_window()
    async def ask(
        self, interaction: discord.Interaction, question: Question, private: bool = False
    ) -> None:
        if await self._checked_question(interaction, question):
            where = {"channel_id": interaction.channel_id or 0, "user_id": interaction.user.id}
            previous = self._conversations.previous(**where, reply_to=None)
            answered = await self._answer(
                interaction, lambda: self.engine.ask(question, previous), defer=True,
                private=private,
            )  # fmt: skip
            if answered is not None:
                answer, sent = answered
                sent_ids = [sent] if sent is not None else []
                self._conversations.remember(answer.query, **where, answer_ids=sent_ids)

    @app_commands.command(name="search", description="Find the passages closest to your words.")
    @app_commands.describe(query="Words or a phrase to look for in the report and resolution.")
    @one_window()
    async def search(self, interaction: discord.Interaction, query: Question) -> None:
        if await self._checked_question(interaction, query):
            await self._answer(
                interaction, lambda: self.engine.search(query, k=SEARCH_RESULTS), defer=True
            )

    # ------------------------------------------------------------------ structured answers

    @app_commands.command(name="vote", description="How one Member State voted on the resolution.")
    @app_commands.describe(
        country="A UN Member State, e.g. Kenya or Bolivia.",
        vote="Which vote: both (the default), the Third Committee's, or the plenary's.",
    )
    @app_commands.choices(vote=BALLOT_CHOICES)
    @one_window()
    async def vote(
        self,
        interaction: discord.Interaction,
        country: Name,
        vote: app_commands.Choice[str] | None = None,
    ) -> None:
        ballot = _ballot(vote, Ballot.BOTH)
        await self._answer(interaction, lambda: self.engine.vote(country, ballot))

    @vote.autocomplete("country")
    async def _country_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await self._suggest_countries(current)

    @app_commands.command(
        name="tally", description="The recorded vote: totals in favour, against, abstaining."
    )
    @app_commands.describe(vote="Which vote: the Third Committee's (the default), the plenary's.")
    @app_commands.choices(vote=BALLOT_CHOICES)
    async def tally(
        self, interaction: discord.Interaction, vote: app_commands.Choice[str] | None = None
    ) -> None:
        ballot = _ballot(vote, Ballot.COMMITTEE)
        await self._answer(interaction, lambda: self.engine.tally(ballot), typed=False)

    @app_commands.command(name="roster", description="Every Member State that took one position.")
    @app_commands.describe(
        position="Which list to show.",
        vote="Which vote: the Third Committee's (the default), the plenary's, or both.",
    )
    @app_commands.choices(position=ROSTER_CHOICES, vote=BALLOT_CHOICES)
    async def roster(
        self,
        interaction: discord.Interaction,
        position: app_commands.Choice[str],
        vote: app_commands.Choice[str] | None = None,
    ) -> None:
        chosen = Position(position.value)
        ballot = _ballot(vote, Ballot.COMMITTEE)
        await self._answer(interaction, lambda: self.engine.roster(chosen, ballot), typed=False)

    @app_commands.command(name="sponsors", description="Who sponsored the draft resolution.")
    @app_commands.describe(country="Optional: check whether one country was a sponsor.")
    @one_window()
    async def sponsors(self, interaction: discord.Interaction, country: Name | None = None) -> None:
        await self._answer(interaction, lambda: self.engine.sponsors(country))

    @sponsors.autocomplete("country")
    async def _sponsor_country_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await self._suggest_countries(current)

    @app_commands.command(name="statements", description="Who spoke, when, and on whose behalf.")
    @app_commands.describe(country="Optional: only statements by or for this country.")
    @one_window()
    async def statements(
        self, interaction: discord.Interaction, country: Name | None = None
    ) -> None:
        await self._answer(interaction, lambda: self.engine.statements(country))

    @statements.autocomplete("country")
    async def _statement_country_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await self._suggest_countries(current)

    @app_commands.command(
        name="paragraph", description="Quote one paragraph of the report or resolution."
    )
    @app_commands.describe(
        label='For example "operative paragraph 2" or "paragraph 10 of the report".'
    )
    @one_window()
    async def paragraph(self, interaction: discord.Interaction, label: Name) -> None:
        await self._answer(interaction, lambda: self.engine.paragraph(label))

    @paragraph.autocomplete("label")
    async def _paragraph_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        labels = await self.context.workers.fixed(
            lambda: self.engine.paragraph_labels(current, AUTOCOMPLETE_LIMIT)
        )
        return _choices(labels)

    # ------------------------------------------------------------------ pictures

    @app_commands.command(name="map", description="The recorded vote as a world map.")
    @app_commands.describe(
        document="Optional: which document's vote, when there are several.",
        vote="Committee (default), plenary, or both: the trail of every State between them.",
    )
    @app_commands.choices(vote=BALLOT_CHOICES)
    async def map_command(
        self,
        interaction: discord.Interaction,
        document: Name | None = None,
        vote: app_commands.Choice[str] | None = None,
    ) -> None:
        await delivery.defer(interaction)
        ballot = _ballot(vote, Ballot.COMMITTEE)
        try:
            picture = await asyncio.to_thread(self._draw_map, document, ballot)
        except NoVotePicture as error:
            await delivery.send_notice(interaction, str(error))
            return
        embed = pictures.picture_embed(picture, self.context.captions)
        await delivery.send_page(interaction, embed, file=pictures.attachment(picture))

    def _draw_map(self, document: str | None, ballot: Ballot) -> Picture:
        if ballot is Ballot.BOTH:
            return trail_chart(self.engine, self.pictures, document)
        return vote_map(self.engine, self.pictures, document, ballot)

    @map_command.autocomplete("document")
    async def _voted_document_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        status = await self.context.workers.fixed(self.engine.about)
        wanted = current.strip().casefold()
        return [
            app_commands.Choice(name=summary.vote[:CHOICE_NAME_LIMIT], value=summary.id)
            for summary in status.documents
            if summary.vote is not None
            and (wanted in summary.vote.casefold() or wanted in summary.id.casefold())
        ][:AUTOCOMPLETE_LIMIT]

    # ------------------------------------------------------------------ status and upkeep

    @app_commands.command(
        name="about", description="What this bot knows, what it can answer, and index status."
    )
    async def about(self, interaction: discord.Interaction) -> None:
        status = await self.context.workers.fixed(self.engine.about)
        pages = status_view.render_status(status)
        await self._send(interaction, Paged(pages, interaction.user.id, None, private=False))

    @app_commands.command(
        name="reindex",
        description="Moderators: re-read the seed documents (adding one, if attached) and rebuild.",
    )
    @app_commands.describe(
        file="A report (.md, .txt, .pdf) or voting data (.csv) to add, or to replace by name"
    )
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    @is_moderator()
    async def reindex(
        self, interaction: discord.Interaction, file: discord.Attachment | None = None
    ) -> None:
        await delivery.defer(interaction)
        async with self._reindex_lock:
            if file is None:
                report = await asyncio.to_thread(self.engine.reindex)
            else:
                report = await self._add(file)
        if report.ok:
            await self.context.refresh_captions()
            log.info("Reindex by %s finished in %.2f s", interaction.user.id, report.seconds)
        else:
            log.warning("Reindex by %s failed: %s", interaction.user.id, report.reason)
        pages = status_view.render_reindex(report)
        await self._send(interaction, Paged(pages, interaction.user.id, None, private=False))

    # ------------------------------------------------------------------ gaps

    gaps = app_commands.Group(
        name="gaps",
        description="Moderators: the questions I could not answer, grouped by meaning.",
        default_permissions=discord.Permissions(manage_guild=True),
        guild_only=True,
    )

    @gaps.command(name="show", description="Moderators: what I could not answer, as pages.")
    @app_commands.describe(days=f"How many days back (default {DEFAULT_DAYS}).")
    @is_moderator()
    async def gaps_show(self, interaction: discord.Interaction, days: Days = DEFAULT_DAYS) -> None:
        digest = await self._digest(interaction, days)
        if digest is not None:
            pages = gaps_view.render_gaps(digest)
            paged = Paged(pages, interaction.user.id, None, private=False)
            await self._send(interaction, paged, ephemeral=True)

    @gaps.command(name="export", description="Moderators: what I could not answer, as CSV.")
    @app_commands.describe(days=f"How many days back (default {DEFAULT_DAYS}).")
    @is_moderator()
    async def gaps_export(
        self, interaction: discord.Interaction, days: Days = DEFAULT_DAYS
    ) -> None:
        digest = await self._digest(interaction, days)
        if digest is not None:
            text = f"{len(digest.groups)} group(s) of {digest.questions} question(s)."
            await interaction.followup.send(
                text, file=gaps_view.gaps_file(digest), ephemeral=True,
                allowed_mentions=delivery.NO_MENTIONS,
            )  # fmt: skip

    async def _digest(self, interaction: discord.Interaction, days: int) -> GapDigest | None:
        """The digest, read and grouped off the event loop; ``None`` after telling the
        moderator why the log cannot be read."""
        await delivery.defer(interaction, ephemeral=True)
        question_log = self.context.question_log
        try:
            return await asyncio.to_thread(question_log.digest, days, self.engine.group_by_meaning)
        except LogUnavailable as error:
            await delivery.send_notice(interaction, f"I cannot read the question log: {error}.")
            return None

    async def _add(self, file: discord.Attachment) -> ReindexReport:
        """The attachment, downloaded only when its stated size is within the limit, checked
        and added by the engine; every refusal is one line and changes nothing."""
        problem = size_problem(file.filename, file.size, self.engine.settings.max_seed_bytes)
        if problem is not None:
            return refused(problem)
        try:
            data = await file.read()
        except (discord.HTTPException, aiohttp.ClientError) as error:
            return refused(f"{file.filename} could not be downloaded from Discord ({error})")
        return await asyncio.to_thread(self.engine.add, file.filename, data)

    # ------------------------------------------------------------------ chat

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer mentions anywhere, and any question in the configured answer channel."""
        me = self.bot.user
        if me is None or message.author.bot:
            return
        mentioned = any(user.id == me.id for user in message.mentions)
        if mentioned:
            question = strip_mentions(message.content, me.id)
        elif self._in_answer_channel(message.channel) and looks_like_question(message.content):
            question = message.content.strip()
        else:
            return
        # One window per person, shared with the slash commands. In the answer channel extra
        # questions are skipped silently; a mention is told once per window, then skipped, so
        # a burst of questions never turns into a burst of refusals.
        verdict = self.context.cooldown.ask(message.author.id)
        if verdict.retry_after is not None:
            if mentioned and verdict.tell:
                cooldown = self.settings.ask_cooldown_seconds
                await delivery.reply_page(message, notice(slow_down(cooldown, verdict.retry_after)))
            return
        problem = question_problem(question, self.settings.max_question_length)
        if problem is not None:
            await delivery.reply_page(message, notice(problem))
            return
        where = {"channel_id": message.channel.id, "user_id": message.author.id}
        reply_to = message.reference.message_id if message.reference else None
        previous = self._conversations.previous(**where, reply_to=reply_to)
        try:
            async with message.channel.typing():
                answer = await self.context.workers.text(
                    lambda: self.engine.ask(question, previous)
                )
        except Busy:
            await delivery.reply_page(message, notice(BUSY))
            return
        except Exception:
            log.exception("Answering message %d failed", message.id)
            await delivery.reply_page(message, notice(UNEXPECTED_ERROR))
            return
        pages = render_answer(answer, self.context.captions)
        picture = await self._picture(answer, pages)
        answer_id = self.context.question_log.record_answer(
            answer, command="chat", guild_id=message.guild.id if message.guild else None,
            channel_id=message.channel.id,
        )  # fmt: skip
        paged = Paged(pages, message.author.id, answer_id, private=False, picture=picture)
        sent, paged.edit = await delivery.reply_page(
            message,
            paged.current,
            file=pictures.attachment(picture) if picture else None,
            view=answer_view(paged),
        )
        self._conversations.remember(answer.query, **where, answer_ids=[sent])
        self.context.pager.keep(paged)

    def _in_answer_channel(self, channel: discord.abc.Messageable) -> bool:
        wanted = self.settings.answer_channel_id
        if wanted is None:
            return False
        if isinstance(channel, discord.Thread):
            return channel.id == wanted or channel.parent_id == wanted
        return getattr(channel, "id", None) == wanted

"""The buttons under an answer: ◀ ▶ to turn pages, 👍 👎 to vote, "Share in channel".

Every button is a ``DynamicItem``: its ``custom_id`` carries what it acts on (the logged
answer's id, or the key of the pages in memory), so discord.py routes a click to it with no
view kept per message, and the vote buttons work after a restart. A 👎 opens a short modal
asking what was wrong. Every click is answered at once, ephemerally or by editing the
message, well within Discord's 3 s.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

import discord

from bot.discord_app.context import context_of
from bot.discord_app.delivery import NO_MENTIONS
from bot.discord_app.pager import Paged
from bot.discord_app.pictures import attachment
from bot.question_log.entries import Vote

COMMENT_LIMIT = 300
MODAL_SECONDS = 600.0
THANKS = {
    Vote.UP: "Thanks: your 👍 is counted. Another click changes your vote; it never adds one.",
    Vote.DOWN: "Thanks: your 👎 is counted. Another click changes your vote; it never adds one.",
}
THANKS_FOR_COMMENT = "Thanks: your 👎 and what was wrong are noted for the moderators."
ONLY_THE_ASKER = "Only the person who asked can turn these pages."
PAGES_GONE = "These pages are no longer kept (they last ten minutes); ask again to page through."
SHARED_ALREADY = "This answer is already shared in the channel."

STEPS = {"back": ("◀", -1), "next": ("▶", 1)}
VOTE_EMOJI = {Vote.UP: "👍", Vote.DOWN: "👎"}
PAGE_PREFIX = "rapporteur:page:"
SHARE_PREFIX = "rapporteur:share:"


async def _tell(interaction: discord.Interaction[Any], text: str) -> None:
    await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"rapporteur:vote:(?P<vote>up|down):(?P<answer>[0-9a-f]{32})",
):
    def __init__(self, vote: Vote, answer_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.secondary,
                emoji=VOTE_EMOJI[vote],
                custom_id=f"rapporteur:vote:{vote.value}:{answer_id}",
            )
        )
        self.vote = vote
        self.answer_id = answer_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> VoteButton:
        return cls(Vote(match["vote"]), match["answer"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        context = context_of(interaction)
        context.question_log.record_vote(self.answer_id, interaction.user.id, self.vote)
        if self.vote is Vote.DOWN:
            await interaction.response.send_modal(WhatWasWrong(self.answer_id))
        else:
            await _tell(interaction, THANKS[self.vote])


class WhatWasWrong(discord.ui.Modal, title="What was wrong?"):
    """Asked after a 👎; the vote is counted already, so an empty or dismissed form is fine."""

    comment: discord.ui.TextInput[WhatWasWrong] = discord.ui.TextInput(
        label="What was wrong? (optional)",
        style=discord.TextStyle.paragraph,
        required=False,
        max_length=COMMENT_LIMIT,
    )

    def __init__(self, answer_id: str) -> None:
        # Unique per form: two people may open one for the same answer at once.
        unique = f"rapporteur:wrong:{answer_id}:{secrets.token_hex(4)}"
        super().__init__(custom_id=unique, timeout=MODAL_SECONDS)
        self.answer_id = answer_id

    async def on_submit(self, interaction: discord.Interaction[Any], /) -> None:
        text = self.comment.value.strip()[:COMMENT_LIMIT]
        context_of(interaction).question_log.record_vote(
            self.answer_id, interaction.user.id, Vote.DOWN, text or None
        )
        await _tell(interaction, THANKS_FOR_COMMENT if text else THANKS[Vote.DOWN])


class PageButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"rapporteur:page:(?P<step>back|next):(?P<key>[0-9a-f]{16})",
):
    def __init__(self, step: str, key: str, *, disabled: bool = False) -> None:
        emoji, _ = STEPS[step]
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.primary,
                emoji=emoji,
                custom_id=f"{PAGE_PREFIX}{step}:{key}",
                disabled=disabled,
            )
        )
        self.step = step
        self.key = key

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> PageButton:
        return cls(match["step"], match["key"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        paged = context_of(interaction).pager.get(self.key)
        if paged is None:
            await _forgotten(interaction)
            return
        if interaction.user.id != paged.asker_id:
            await _tell(interaction, ONLY_THE_ASKER)
            return
        _, move = STEPS[self.step]
        paged.page = min(max(paged.page + move, 0), len(paged.pages) - 1)
        await interaction.response.edit_message(
            embed=paged.current, view=answer_view(paged), allowed_mentions=NO_MENTIONS
        )


class ShareButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"rapporteur:share:(?P<key>[0-9a-f]{16})",
):
    def __init__(self, key: str, *, disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.success,
                label="Share in channel",
                custom_id=f"{SHARE_PREFIX}{key}",
                disabled=disabled,
            )
        )
        self.key = key

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> ShareButton:
        return cls(match["key"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Post the page the asker is on for everyone, with its own page and vote buttons
        (votes count for the same logged answer)."""
        context = context_of(interaction)
        paged = context.pager.get(self.key)
        if paged is None:
            await _forgotten(interaction)
            return
        if paged.shared:
            await _tell(interaction, SHARED_ALREADY)
            return
        paged.shared = True
        public = Paged(
            pages=paged.pages,
            asker_id=interaction.user.id,
            answer_id=paged.answer_id,
            private=False,
            picture=paged.picture,
            page=paged.page,
        )
        view = answer_view(public)
        await interaction.response.send_message(
            f"{interaction.user.mention} shared this answer:",
            embed=public.current,
            file=attachment(paged.picture) if paged.picture else discord.utils.MISSING,
            view=view if view is not None else discord.utils.MISSING,
            allowed_mentions=NO_MENTIONS,
        )
        public.edit = lambda new: interaction.edit_original_response(view=new)
        context.pager.keep(public)


def answer_view(paged: Paged, expired: bool = False) -> discord.ui.View | None:
    """The buttons under ``paged``'s message; ``expired``: page and share buttons disabled.
    ``None`` when it needs none (one page, nothing logged, not private)."""
    view = discord.ui.View(timeout=None)
    if paged.turns:
        last = len(paged.pages) - 1
        view.add_item(PageButton("back", paged.key, disabled=expired or paged.page == 0))
        view.add_item(PageButton("next", paged.key, disabled=expired or paged.page == last))
    if paged.answer_id is not None:
        for vote in Vote:
            view.add_item(VoteButton(vote, paged.answer_id))
    if paged.private:
        view.add_item(ShareButton(paged.key, disabled=expired or paged.shared))
    return view if view.children else None


def expired_view(paged: Paged, expired: bool) -> discord.ui.View:
    """For the pager's time-out: the same buttons, page and share ones disabled."""
    return answer_view(paged, expired) or discord.ui.View(timeout=None)


async def _forgotten(interaction: discord.Interaction[Any]) -> None:
    """A page or share click the bot no longer has pages for (timed out, or a restart):
    disable those buttons on the message and say why."""
    message = interaction.message
    if message is None:
        await _tell(interaction, PAGES_GONE)
        return
    view = discord.ui.View(timeout=None)
    for item in discord.ui.View.from_message(message, timeout=None).children:
        custom_id = getattr(item, "custom_id", None) or ""
        rebuilt = _rebuilt(custom_id)
        if rebuilt is not None:
            view.add_item(rebuilt)
    await interaction.response.edit_message(view=view)
    await interaction.followup.send(PAGES_GONE, ephemeral=True, allowed_mentions=NO_MENTIONS)


def _rebuilt(custom_id: str) -> discord.ui.Item[Any] | None:
    """A button of ours from its ``custom_id``, page and share buttons disabled."""
    vote = VoteButton.__discord_ui_compiled_template__.fullmatch(custom_id)
    if vote is not None:
        return VoteButton(Vote(vote["vote"]), vote["answer"])
    page = PageButton.__discord_ui_compiled_template__.fullmatch(custom_id)
    if page is not None:
        return PageButton(page["step"], page["key"], disabled=True)
    share = ShareButton.__discord_ui_compiled_template__.fullmatch(custom_id)
    if share is not None:
        return ShareButton(share["key"], disabled=True)
    return None

"""Sending one page of an answer to Discord without ever pinging anyone, and without losing it.

Every send passes ``AllowedMentions.none()`` explicitly, on top of the client default, so a
question echoing ``@everyone`` or a role mention can never turn into a ping. Each sender
returns the sent message's id (so a reply to it reads as a follow-up) and how to replace its
buttons later, when its pages time out.

An answer outlives what it answers: the question's message may be deleted before the reply
goes out, and an interaction's token expires (3 s to acknowledge, 15 minutes to follow up).
Then the answer is posted in the same channel without the reference, with one log line,
rather than lost with a traceback. Only notes meant for one person (ephemeral) are dropped,
since the channel would show them to everyone.
"""

from __future__ import annotations

import logging

import discord
from discord.utils import MISSING

from bot.discord_app.pager import Edit
from bot.discord_app.render import notice

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
EXPIRED_CODES = frozenset({10015, 10062, 50027})
"""Unknown webhook, unknown interaction, invalid webhook token: the interaction is over."""
UNKNOWN_MESSAGE = 10008
INVALID_FORM = 50035


def expired(error: discord.HTTPException) -> bool:
    """Whether Discord refused because the interaction can no longer be answered."""
    return error.code in EXPIRED_CODES


def _reference_gone(error: discord.HTTPException) -> bool:
    return error.code == UNKNOWN_MESSAGE or (
        error.code == INVALID_FORM and "message_reference" in error.text
    )


async def defer(interaction: discord.Interaction, *, ephemeral: bool = False) -> None:
    """Acknowledge with "thinking…" (seen only by the asker when ``ephemeral``, and so is the
    answer that replaces it); an interaction that expired first is answered in its channel
    later (``send_page``), so this only notes it."""
    try:
        await interaction.response.defer(thinking=True, ephemeral=ephemeral)
    except discord.HTTPException as error:
        if not expired(error):
            raise
        log.info("Interaction %d expired before it could be acknowledged", interaction.id)


async def send_page(
    interaction: discord.Interaction,
    page: discord.Embed,
    *,
    file: discord.File | None = None,
    view: discord.ui.View | None = None,
    ephemeral: bool = False,
) -> tuple[int | None, Edit | None]:
    """Answer an interaction with one page (and ``file``, the picture it shows), as the
    response or as the follow-up after a defer; in its channel if the interaction expired
    (an ephemeral answer is dropped then: the channel would show it to everyone)."""
    try:
        return await _send_to_interaction(interaction, page, file, view, ephemeral)
    except discord.HTTPException as error:
        channel = interaction.channel
        if not expired(error) or not isinstance(channel, discord.abc.Messageable):
            raise
        if ephemeral:
            log.warning("Interaction %d expired before its answer was sent", interaction.id)
            return None, None
    log.warning(
        "Interaction %d expired before its answer was sent; posting the answer in its channel "
        "instead",
        interaction.id,
    )
    if file is not None:
        file.reset()
    message = await channel.send(
        embed=page,
        file=file if file is not None else MISSING,
        view=view if view is not None else MISSING,
        allowed_mentions=NO_MENTIONS,
    )
    return message.id, lambda new: message.edit(view=new)


async def _send_to_interaction(
    interaction: discord.Interaction,
    page: discord.Embed,
    file: discord.File | None,
    view: discord.ui.View | None,
    ephemeral: bool,
) -> tuple[int | None, Edit]:
    attached = file if file is not None else MISSING
    buttons = view if view is not None else MISSING
    if interaction.response.is_done():
        message = await interaction.followup.send(
            embed=page, file=attached, view=buttons, allowed_mentions=NO_MENTIONS,
            ephemeral=ephemeral, wait=True,
        )  # fmt: skip
        return message.id, lambda new: message.edit(view=new)
    callback = await interaction.response.send_message(
        embed=page, file=attached, view=buttons, allowed_mentions=NO_MENTIONS, ephemeral=ephemeral
    )
    return callback.message_id, lambda new: interaction.edit_original_response(view=new)


async def send_notice(interaction: discord.Interaction, text: str) -> None:
    """Tell only the invoking user something (refusals, errors), whatever state we are in;
    an expired interaction can no longer be told, which is logged."""
    try:
        await _notify(interaction, notice(text))
    except discord.HTTPException as error:
        if not expired(error):
            raise
        log.warning("Interaction %d expired before its note could be sent", interaction.id)


async def _notify(interaction: discord.Interaction, embed: discord.Embed) -> None:
    if not interaction.response.is_done():
        await interaction.response.send_message(
            embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
        )
        return
    if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
        # A public "thinking…" placeholder would make the notice public: drop it first.
        await interaction.delete_original_response()
    await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def reply_page(
    message: discord.Message,
    page: discord.Embed,
    *,
    file: discord.File | None = None,
    view: discord.ui.View | None = None,
) -> tuple[int, Edit]:
    """Reply to a chat message with one page (and ``file``, the picture it shows)."""
    reply = await _reply(message, page, file, view)
    return reply.id, lambda new: reply.edit(view=new)


async def _reply(
    message: discord.Message,
    page: discord.Embed,
    file: discord.File | None,
    view: discord.ui.View | None,
) -> discord.Message:
    """A reply to ``message``; the same message without the reference if it was deleted."""
    try:
        return await message.reply(
            embed=page,
            file=file if file is not None else MISSING,
            view=view if view is not None else MISSING,
            mention_author=False,
            allowed_mentions=NO_MENTIONS,
        )
    except discord.HTTPException as error:
        if not _reference_gone(error):
            raise
    log.warning(
        "Message %d was deleted before its answer; posting the answer without the reply",
        message.id,
    )
    if file is not None:
        file.reset()
    return await message.channel.send(
        embed=page,
        file=file if file is not None else MISSING,
        view=view if view is not None else MISSING,
        allowed_mentions=NO_MENTIONS,
    )

"""Sending rendered pages to Discord without ever pinging anyone, and without losing them.

Every send passes ``AllowedMentions.none()`` explicitly, on top of the client default, so a
question echoing ``@everyone`` or a role mention can never turn into a ping.

An answer outlives what it answers: the question's message may be deleted before the reply
goes out, and an interaction's token expires (3 s to acknowledge, 15 minutes to follow up).
Then the answer is posted in the same channel without the reference, with one log line,
rather than lost with a traceback. Only notes meant for one person (ephemeral) are dropped,
since the channel would show them to everyone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import discord
from discord.utils import MISSING

from bot.discord_app.render import notice, pack_messages

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


async def defer(interaction: discord.Interaction) -> None:
    """Acknowledge with "thinking…"; an interaction that expired first is answered in its
    channel later (``send_pages``), so this only notes it."""
    try:
        await interaction.response.defer(thinking=True)
    except discord.HTTPException as error:
        if not expired(error):
            raise
        log.info("Interaction %d expired before it could be acknowledged", interaction.id)


async def send_pages(
    interaction: discord.Interaction,
    pages: Sequence[discord.Embed],
    file: discord.File | None = None,
) -> list[int]:
    """Answer an interaction with all pages, as the response or as follow-ups after a defer;
    ``file`` (the picture the first page shows) goes with the first message. Returns the ids
    of the messages sent, so a reply to one can be read as a follow-up."""
    sent: list[int] = []
    attached = file if file is not None else MISSING
    in_channel = False
    for embeds in pack_messages(pages):
        if not in_channel:
            try:
                sent.extend(await _send_to_interaction(interaction, embeds, attached))
                attached = MISSING
                continue
            except discord.HTTPException as error:
                if not expired(error) or not isinstance(
                    interaction.channel, discord.abc.Messageable
                ):
                    raise
                log.warning(
                    "Interaction %d expired before its answer was sent; posting the answer in "
                    "its channel instead",
                    interaction.id,
                )
                in_channel = True
        if isinstance(attached, discord.File):
            attached.reset()
        assert isinstance(interaction.channel, discord.abc.Messageable)
        message = await interaction.channel.send(
            embeds=embeds, file=attached, allowed_mentions=NO_MENTIONS
        )
        sent.append(message.id)
        attached = MISSING
    return sent


async def _send_to_interaction(
    interaction: discord.Interaction, embeds: list[discord.Embed], file: discord.File
) -> list[int]:
    if interaction.response.is_done():
        message = await interaction.followup.send(
            embeds=embeds, file=file, allowed_mentions=NO_MENTIONS, wait=True
        )
        return [message.id]
    await interaction.response.send_message(embeds=embeds, file=file, allowed_mentions=NO_MENTIONS)
    return []


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


async def reply_pages(
    message: discord.Message, pages: Sequence[discord.Embed], file: discord.File | None = None
) -> list[int]:
    """Reply to a chat message (with the picture ``file``, if any); extra messages follow in
    the same channel or thread. Returns the ids of the messages sent."""
    sent: list[discord.Message] = []
    for index, embeds in enumerate(pack_messages(pages)):
        if index == 0:
            sent.append(await _reply(message, embeds, file))
        else:
            sent.append(await message.channel.send(embeds=embeds, allowed_mentions=NO_MENTIONS))
    return [reply.id for reply in sent]


async def _reply(
    message: discord.Message, embeds: list[discord.Embed], file: discord.File | None
) -> discord.Message:
    """A reply to ``message``; the same message without the reference if it was deleted."""
    try:
        return await message.reply(
            embeds=embeds,
            file=file if file is not None else MISSING,
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
        embeds=embeds, file=file if file is not None else MISSING, allowed_mentions=NO_MENTIONS
    )

"""Sending rendered pages to Discord without ever pinging anyone.

Every send passes ``AllowedMentions.none()`` explicitly, on top of the client default, so a
question echoing ``@everyone`` or a role mention can never turn into a ping.
"""

from __future__ import annotations

from collections.abc import Sequence

import discord
from discord.utils import MISSING

from bot.discord_app.render import notice, pack_messages

NO_MENTIONS = discord.AllowedMentions.none()


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
    for embeds in pack_messages(pages):
        if interaction.response.is_done():
            message = await interaction.followup.send(
                embeds=embeds, file=attached, allowed_mentions=NO_MENTIONS, wait=True
            )
            sent.append(message.id)
        else:
            await interaction.response.send_message(
                embeds=embeds, file=attached, allowed_mentions=NO_MENTIONS
            )
        attached = MISSING
    return sent


async def send_notice(interaction: discord.Interaction, text: str) -> None:
    """Tell only the invoking user something (refusals, errors), whatever state we are in."""
    embed = notice(text)
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
            sent.append(
                await message.reply(
                    embeds=embeds,
                    file=file if file is not None else MISSING,
                    mention_author=False,
                    allowed_mentions=NO_MENTIONS,
                )
            )
        else:
            sent.append(await message.channel.send(embeds=embeds, allowed_mentions=NO_MENTIONS))
    return [reply.id for reply in sent]

"""Sending one page of an answer to Discord without ever pinging anyone.

Every send passes ``AllowedMentions.none()`` explicitly, on top of the client default, so a
question echoing ``@everyone`` or a role mention can never turn into a ping. Each sender
returns the sent message's id (so a reply to it reads as a follow-up) and how to replace
its buttons later, when its pages time out.
"""

from __future__ import annotations

import discord
from discord.utils import MISSING

from bot.discord_app.pager import Edit
from bot.discord_app.render import notice

NO_MENTIONS = discord.AllowedMentions.none()


async def send_page(
    interaction: discord.Interaction,
    page: discord.Embed,
    *,
    file: discord.File | None = None,
    view: discord.ui.View | None = None,
    ephemeral: bool = False,
) -> tuple[int | None, Edit]:
    """Answer an interaction with one page (and ``file``, the picture it shows), as the
    response or as the follow-up after a defer."""
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


async def reply_page(
    message: discord.Message,
    page: discord.Embed,
    *,
    file: discord.File | None = None,
    view: discord.ui.View | None = None,
) -> tuple[int, Edit]:
    """Reply to a chat message with one page (and ``file``, the picture it shows)."""
    reply = await message.reply(
        embed=page,
        file=file if file is not None else MISSING,
        view=view if view is not None else MISSING,
        mention_author=False,
        allowed_mentions=NO_MENTIONS,
    )
    return reply.id, lambda new: reply.edit(view=new)

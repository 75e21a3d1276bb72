"""Pictures in Discord: the PNG goes up as an attachment whose description (alt text) is the
vote in words, and the answer's first embed shows it through ``attachment://``.

Drawing runs in a worker thread. A picture that fails to draw is logged and the answer is
sent without it: words never wait on, or fail because of, a picture.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Mapping, Sequence

import discord

from bot.charts.pictures import Picture, PictureSource, illustrate
from bot.charts.store import PictureStore
from bot.discord_app.render import ANSWER_COLOUR, DESCRIPTION_LIMIT, TITLE_LIMIT, shorten
from index.answers import Illustration

log = logging.getLogger(__name__)


def attachment(picture: Picture) -> discord.File:
    return discord.File(
        io.BytesIO(picture.png), filename=picture.filename, description=picture.alt_text
    )


def show(embed: discord.Embed, picture: Picture) -> None:
    embed.set_image(url=f"attachment://{picture.filename}")


def picture_embed(picture: Picture, captions: Mapping[str, str]) -> discord.Embed:
    """``/map``: the vote's title, the picture's words, and the picture itself."""
    embed = discord.Embed(
        title=shorten(picture.title, TITLE_LIMIT),
        description=shorten(picture.alt_text, DESCRIPTION_LIMIT),
        colour=ANSWER_COLOUR,
    )
    embed.set_footer(text=captions.get(picture.document, picture.document))
    show(embed, picture)
    return embed


async def illustrated(
    source: PictureSource,
    store: PictureStore,
    illustration: Illustration,
    pages: Sequence[discord.Embed],
) -> Picture | None:
    """Draw an answer's picture into every page (the attachment stays on the message as
    its pages turn); ``None`` when drawing failed."""
    try:
        picture = await asyncio.to_thread(illustrate, source, store, illustration)
    except Exception:
        log.exception("Drawing the %s picture failed; answering without it", illustration.kind)
        return None
    for page in pages:
        show(page, picture)
    return picture

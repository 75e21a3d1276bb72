"""What front ends call: the picture for a vote or for an answer's illustration, as a PNG
with its file name and alt text, drawn once and then served from the store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from bot.charts.group_chart import describe_groups, groups_svg
from bot.charts.raster import png_from_svg
from bot.charts.store import PictureStore
from bot.charts.vote_map import describe, map_svg
from index.answers import Illustration, IllustrationKind
from index.structured.group_picture import GroupsPicture
from index.structured.vote_picture import VotePicture

# Discord's limit on an attachment's description (its alt text).
ALT_TEXT_LIMIT = 1024
MAP_FILENAME = "vote-map.png"
GROUPS_FILENAME = "vote-groups.png"


class PictureSource(Protocol):
    """The slice of the engine that pictures are drawn from."""

    def vote_picture(self, document: str | None = None) -> VotePicture: ...
    def groups_picture(
        self, document: str | None = None, groups: Sequence[str] = ()
    ) -> GroupsPicture: ...


@dataclass(frozen=True, slots=True)
class Picture:
    """A drawn picture: ``title`` names the vote, ``alt_text`` says it in words."""

    document: str
    title: str
    filename: str
    png: bytes
    alt_text: str
    path: Path | None


def vote_map(source: PictureSource, store: PictureStore, document: str | None = None) -> Picture:
    """The world map of one document's vote (default: the first document with a vote).

    Raises ``NoVotePicture`` (its message is for users) for an unknown document.
    """
    picture = source.vote_picture(document)
    stored = store.get(
        f"map-{picture.document}", picture.content_key, lambda: png_from_svg(map_svg(picture))
    )
    return Picture(
        picture.document,
        picture.title,
        MAP_FILENAME,
        stored.png,
        alt_text(describe(picture)),
        stored.path,
    )


def group_chart(
    source: PictureSource,
    store: PictureStore,
    document: str | None = None,
    groups: Sequence[str] = (),
) -> Picture:
    """The bar chart of how each group voted (no ids: the five UN regional groups).

    Raises ``NoVotePicture`` (its message is for users) for an unknown document or group.
    """
    picture = source.groups_picture(document, groups)
    selection = hashlib.sha256(" ".join(groups).encode()).hexdigest()[:8] if groups else "regional"
    stored = store.get(
        f"groups-{picture.vote.document}-{selection}",
        picture.content_key,
        lambda: png_from_svg(groups_svg(picture)),
    )
    return Picture(
        picture.vote.document,
        picture.vote.title,
        GROUPS_FILENAME,
        stored.png,
        alt_text(describe_groups(picture)),
        stored.path,
    )


def illustrate(source: PictureSource, store: PictureStore, illustration: Illustration) -> Picture:
    """The picture an answer asks for."""
    if illustration.kind is IllustrationKind.GROUPS:
        return group_chart(source, store, illustration.document, illustration.groups)
    return vote_map(source, store, illustration.document)


def alt_text(description: str) -> str:
    if len(description) <= ALT_TEXT_LIMIT:
        return description
    return description[: ALT_TEXT_LIMIT - 1].rsplit(" ", 1)[0] + "…"

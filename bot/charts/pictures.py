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
from bot.charts.trail_chart import describe_trail, trail_svg
from bot.charts.vote_map import describe, map_svg
from index.answers import Illustration, IllustrationKind
from index.query import Ballot
from index.structured.group_picture import GroupsPicture
from index.structured.trail_picture import TrailPicture
from index.structured.vote_picture import VotePicture

# Discord's limit on an attachment's description (its alt text).
ALT_TEXT_LIMIT = 1024
MAP_FILENAME = "vote-map.png"
GROUPS_FILENAME = "vote-groups.png"
TRAIL_FILENAME = "vote-trail.png"


class PictureSource(Protocol):
    """The slice of the engine that pictures are drawn from."""

    def vote_picture(
        self, document: str | None = None, ballot: Ballot = Ballot.COMMITTEE
    ) -> VotePicture: ...
    def groups_picture(
        self,
        document: str | None = None,
        groups: Sequence[str] = (),
        ballot: Ballot = Ballot.COMMITTEE,
    ) -> GroupsPicture: ...
    def trail_picture(self, document: str | None = None) -> TrailPicture: ...


@dataclass(frozen=True, slots=True)
class Picture:
    """A drawn picture: ``title`` names the vote, ``alt_text`` says it in words."""

    document: str
    title: str
    filename: str
    png: bytes
    alt_text: str
    path: Path | None


def vote_map(
    source: PictureSource,
    store: PictureStore,
    document: str | None = None,
    ballot: Ballot = Ballot.COMMITTEE,
) -> Picture:
    """The world map of one vote (default: the first document's, in the Committee).

    Raises ``NoVotePicture`` (its message is for users) for an unknown document.
    """
    picture = source.vote_picture(document, ballot)
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
    ballot: Ballot = Ballot.COMMITTEE,
) -> Picture:
    """The bar chart of how each group voted (no ids: the five UN regional groups).

    Raises ``NoVotePicture`` (its message is for users) for an unknown document or group.
    """
    picture = source.groups_picture(document, groups, ballot)
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


def trail_chart(source: PictureSource, store: PictureStore, document: str | None = None) -> Picture:
    """Every State's Committee position → plenary position for one report.

    Raises ``NoVotePicture`` (its message is for users) when the plenary vote is not known.
    """
    picture = source.trail_picture(document)
    stored = store.get(
        f"trail-{picture.report}", picture.content_key, lambda: png_from_svg(trail_svg(picture))
    )
    return Picture(
        picture.report,
        picture.title,
        TRAIL_FILENAME,
        stored.png,
        alt_text(describe_trail(picture)),
        stored.path,
    )


def illustrate(source: PictureSource, store: PictureStore, illustration: Illustration) -> Picture:
    """The picture an answer asks for; its ``document`` names the vote (a voting record's
    id names a plenary vote)."""
    if illustration.kind is IllustrationKind.TRAIL:
        return trail_chart(source, store, illustration.document)
    if illustration.kind is IllustrationKind.GROUPS:
        return group_chart(source, store, illustration.document, illustration.groups)
    return vote_map(source, store, illustration.document)


def alt_text(description: str) -> str:
    if len(description) <= ALT_TEXT_LIMIT:
        return description
    return description[: ALT_TEXT_LIMIT - 1].rsplit(" ", 1)[0] + "…"

"""How each group of States split in a recorded vote: the data of the group chart.

Counted as the answers count: the group's counted members on the vote's date, each with its
position from the same ``VotePicture`` the map is drawn from, so bars and map always agree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from index.groups import Group, group_by_id, regional_groups
from index.records import Position
from index.structured.vote_picture import VOTING_POSITIONS, NoVotePicture, VotePicture
from index.user_text import quote_user_text


class GroupSplit(BaseModel):
    """One group's members by position; ``noted`` are members with a later-intention note."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    in_favour: int
    against: int
    abstaining: int
    absent: int
    noted: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def count(self, position: Position) -> int:
        """Members in ``position``; ``absent`` counts those who cast no vote, whether the
        vote's source says "did not vote" or "not recorded"."""
        counts = {
            Position.IN_FAVOUR: self.in_favour,
            Position.AGAINST: self.against,
            Position.ABSTAINING: self.abstaining,
            Position.ABSENT: self.absent,
            Position.NOT_RECORDED: self.absent,
        }
        return counts.get(position, 0)

    @property
    def members(self) -> int:
        return sum(self.count(position) for position in VOTING_POSITIONS)


class GroupsPicture(BaseModel):
    """The vote the groups are counted in, and one split per group, in the order asked."""

    model_config = ConfigDict(frozen=True)

    vote: VotePicture
    groups: tuple[GroupSplit, ...]

    @property
    def content_key(self) -> str:
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()


def groups_picture(vote: VotePicture, group_ids: Sequence[str] = ()) -> GroupsPicture:
    """The split of each group in ``group_ids`` (none: the five UN regional groups)."""
    groups = [_group(group_id) for group_id in group_ids] or list(regional_groups())
    positions = {state.name: state for state in vote.states}
    splits: list[GroupSplit] = []
    for group in groups:
        members = [positions[name] for name in group.members_on(vote.date)]
        counts = {
            position: sum(1 for state in members if state.position is position)
            for position in vote.positions
        }
        splits.append(
            GroupSplit(
                id=group.id,
                name=group.name,
                in_favour=counts[Position.IN_FAVOUR],
                against=counts[Position.AGAINST],
                abstaining=counts[Position.ABSTAINING],
                absent=counts[vote.silent],
                noted=tuple(state.name for state in members if state.note),
                notes=group.notes_on(vote.date),
            )
        )
    return GroupsPicture(vote=vote, groups=tuple(splits))


def _group(group_id: str) -> Group:
    try:
        return group_by_id(group_id)
    except KeyError:
        raise NoVotePicture(
            f"I know no group of States with the id “{quote_user_text(group_id)}”."
        ) from None

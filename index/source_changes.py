"""What a reindex changed, in the terms a moderator uses: documents and votes.

The search index reports paragraphs by id; a moderator who just added a report wants to read
"added: Report of the Third Committee, “...” (36 paragraphs)" and the vote it records, and
one who added a voting-data file the resolutions whose votes it gives.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.library import document_title, format_date, vote_title
from index.records import Document, RecordedVote, VotingRecord
from index.search.models import ChangeKind, SourceChange


def source_changes(
    before: Sequence[Document],
    after: Sequence[Document],
    records_before: Sequence[VotingRecord] = (),
    records_after: Sequence[VotingRecord] = (),
) -> list[SourceChange]:
    """Documents added, removed or changed (by content), then their votes likewise, then the
    votes of voting-data files."""
    old = {document.id: document for document in before}
    new = {document.id: document for document in after}
    changes = [
        _document(document, ChangeKind.REMOVED) for key, document in old.items() if key not in new
    ]
    for name, document in new.items():
        if name not in old:
            changes.append(_document(document, ChangeKind.ADDED))
        elif old[name].sha256 != document.sha256:
            changes.append(_document(document, ChangeKind.CHANGED))
    old_votes = _votes(before)
    new_votes = _votes(after)
    changes += [
        _vote(vote, ChangeKind.REMOVED) for key, vote in old_votes.items() if key not in new_votes
    ]
    for key, vote in new_votes.items():
        if key not in old_votes:
            changes.append(_vote(vote, ChangeKind.ADDED))
        elif old_votes[key] != vote:
            changes.append(_vote(vote, ChangeKind.CHANGED))
    old_records = {record.id: record for record in records_before}
    new_records = {record.id: record for record in records_after}
    changes += [
        _record(record, ChangeKind.REMOVED)
        for record_id, record in old_records.items()
        if record_id not in new_records
    ]
    for record_id, record in new_records.items():
        if record_id not in old_records:
            changes.append(_record(record, ChangeKind.ADDED))
        elif _content(old_records[record_id]) != _content(record):
            changes.append(_record(record, ChangeKind.CHANGED))
    return changes


def _document(document: Document, change: ChangeKind) -> SourceChange:
    return SourceChange(
        kind="document",
        id=document.id,
        change=change,
        title=document_title(document),
        paragraphs=len(document.paragraphs),
    )


def _votes(documents: Sequence[Document]) -> dict[tuple[str, str], RecordedVote]:
    return {
        (document.id, document.vote.subject): document.vote
        for document in documents
        if document.vote is not None
    }


def _vote(vote: RecordedVote, change: ChangeKind) -> SourceChange:
    tally = f"{vote.stated.in_favour}–{vote.stated.against}–{vote.stated.abstaining}"
    return SourceChange(
        kind="vote", id=vote.subject, change=change, title=f"{vote_title(vote)}: {tally}"
    )


def _content(record: VotingRecord) -> VotingRecord:
    """A record without where it was read from: moving or re-saving its file is no change."""
    return record.model_copy(update={"source": "", "sha256": ""})


def _record(record: VotingRecord, change: ChangeKind) -> SourceChange:
    totals = record.totals
    return SourceChange(
        kind="vote",
        id=record.resolution,
        change=change,
        title=(
            f"{record.resolution}, “{record.title}” ({format_date(record.date)}): "
            f"{totals.yes}–{totals.no}–{totals.abstentions}, {totals.non_voting} not recorded"
        ),
    )

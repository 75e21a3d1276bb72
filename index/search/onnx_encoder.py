"""The query encoder: MiniLM exported to ONNX when the index is built, run by ONNX Runtime.

Chosen by measurement on the project's 2-core machine (README, "Benchmarks"): ONNX Runtime
encodes a question in ~4.6 ms on one thread, against ~9.9 ms for the numpy forward pass it
replaces and ~8.5 ms for a fused, fp32, contiguous-weight numpy version; both read 42 MB of
weights per question, which ONNX Runtime's kernels do about twice as fast. Loading costs
~0.4 s against ~0.3 s, and neither imports torch. The graph is exported from the very model
sentence-transformers builds the index with (mean pooling and L2 norm included), so the two
agree to cosine >= 0.9999 (``tests/index/search/test_real_model.py``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import onnxruntime
from tokenizers import Tokenizer

FloatArray = npt.NDArray[np.float32]
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "embedding"


class OnnxQueryEncoder:
    """Encodes texts like sentence-transformers would, with ONNX Runtime and ``tokenizers``.

    Thread-safe: ONNX Runtime sessions and tokenizers may be called from several threads,
    and each call runs on its caller's thread only.
    """

    def __init__(
        self, model: bytes | Path, model_dir: Path, model_name: str, dimension: int
    ) -> None:
        self.model_name = model_name
        self.dimension = dimension
        options = onnxruntime.SessionOptions()
        # One thread per question: the bot answers several people at once on a shared host,
        # where an intra-op pool only spins against other work (issue 8: 20x slower busy).
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        # Basic graph optimisation loads a quarter faster than "all" (0.20 s against 0.27 s
        # here) and encodes a question as fast: the extra fusions buy nothing for MiniLM.
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(
            str(model) if isinstance(model, Path) else model,
            options,
            providers=["CPUExecutionProvider"],
        )
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        # tokenizer.json truncates at 128 and pads to 128; sentence-transformers truncates at
        # max_seq_length and pads to the longest text of the batch. Match the latter.
        self._tokenizer.enable_truncation(max_length=max_seq_length(model_dir))
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    @property
    def threads(self) -> int:
        """The intra-op threads a question may use (the thread-bound test reads it)."""
        return int(self._session.get_session_options().intra_op_num_threads)

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """Return one L2-normalised row per text (float32, shape ``(len(texts), dimension)``)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # A lone surrogate (from a badly decoded line) makes the tokenizer raise TypeError.
        clean = [text.encode("utf-8", "replace").decode("utf-8") for text in texts]
        # A batch tokenises on the library's own thread pool; a question stays on its thread.
        encodings = (
            [self._tokenizer.encode(clean[0])]
            if len(clean) == 1
            else self._tokenizer.encode_batch(clean)
        )
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        feeds = {
            "input_ids": ids,
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        (vectors,) = self._session.run([OUTPUT_NAME], feeds)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dimension)


def max_seq_length(model_dir: Path) -> int:
    """The truncation length sentence-transformers uses for this model."""
    st_config = model_dir / "sentence_bert_config.json"
    if st_config.is_file():
        value = json.loads(st_config.read_text(encoding="utf-8")).get("max_seq_length")
        if isinstance(value, int):
            return value
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    positions = config.get("max_position_embeddings", 512)
    return positions if isinstance(positions, int) else 512

"""Sentence embeddings from wordllama's bundled static model, loaded offline.

wordllama (MIT) ships a 16 MB table of token vectors (Llama-2 tokenizer, 32,000 tokens x 256
dimensions) inside its wheel.  We read its two files directly (the table's ``.safetensors`` file
with numpy, the tokenizer with ``tokenizers``) instead of importing the ``wordllama`` package, whose
import brings a configuration and download stack (pydantic, requests, logging set-up: ~0.2 s) that
offline use never needs; the folder is found without importing it.  The table holds the values
``WordLlama.load`` returns (``embedding.weight``, which it casts to float32 as a whole; we cast each
row on its first use: ``Model``); ``tests/analysis/test_startup.py`` checks the two agree.

We pool token vectors ourselves instead of calling ``WordLlama.embed``: its batches are padded to the
longest text, so one 10,000-word run-on sentence in a batch of 64 would allocate 64 x its length x
256 floats.  Here each text costs only its own tokens.  The result is the same mean pooling.
"""
from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from analysis.constants import EMBED_CHUNK_TOKENS, EMBED_MAX_TOKENS_PER_TEXT
from analysis.resources import package_file

_LOCK = threading.Lock()
_MODEL = None


class EmbeddingModelError(RuntimeError):
    """The bundled wordllama model could not be loaded (package missing or damaged)."""


def load_model():
    """The wordllama model, loaded once per process (thread-safe; about 0.2 s the first time)."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                _MODEL = _load()
    return _MODEL


@dataclass(frozen=True)
class Model:
    """What the engine uses of wordllama's model: the token table and the tokenizer.

    The table is kept as stored (float16, 16 MB); its float32 copy (``padded``, what texts are
    pooled over) is filled row by row as tokens are first used (``rows_ready``), so that start-up
    never casts the whole table (32,000 rows, ~0.03 s of CPU and 32 MB for the few thousand rows
    an analysis reads; the copy's untouched pages are never allocated)."""
    stored: np.ndarray              # (tokens + 1, 256) as stored, C-contiguous; the last row is zero
    tokenizer: object               # a ``tokenizers.Tokenizer``
    padded: np.ndarray              # (tokens + 1, 256) float32: a row is valid once ``ready`` says so
    ready: np.ndarray               # (tokens + 1,) bool

    @property
    def embedding(self) -> np.ndarray:
        """The token table as stored: (tokens, 256)."""
        return self.stored[:-1]

    def rows_ready(self, ids: np.ndarray) -> None:
        """Fill the float32 rows of these token ids (in range) that are not filled yet."""
        with _LOCK:         # a repeated id is filled twice with the same row (np.unique would import numpy.ma)
            new = ids[~self.ready[ids]]
            if new.size:
                self.padded[new] = self.stored[new]     # exact: every float16 is a float32
                self.ready[new] = True


WEIGHTS_FILE = ("weights", "l2_supercat_256.safetensors")
TOKENIZER_FILE = ("tokenizers", "l2_supercat_tokenizer_config.json")
TENSOR_KEY = "embedding.weight"
_DTYPES = {"F16": np.float16, "F32": np.float32, "F64": np.float64}
_MAX_HEADER_BYTES = 1 << 20


def model_folder() -> str:
    """The installed ``wordllama`` package folder, found without importing the package."""
    folder = package_file("wordllama")
    if folder is None:
        raise EmbeddingModelError("cannot load the bundled wordllama model offline: "
                                  "the wordllama package is not installed")
    return folder


def read_tensor(path: str, key: str, extra_rows: int = 0) -> np.ndarray:
    """One tensor of a ``.safetensors`` file, read with numpy (the format is a little-endian u64
    header length, a JSON header naming each tensor's dtype, shape and byte range, then the data).
    ``extra_rows`` zero rows follow the tensor's own rows in the same array (the file's bytes are
    read straight into it: no second copy)."""
    with open(path, "rb") as f:
        size = int.from_bytes(f.read(8), "little")
        if not 0 < size <= _MAX_HEADER_BYTES:
            raise ValueError(f"{os.path.basename(path)} is not a safetensors file")
        header = json.loads(f.read(size))
        entry = header[key]
        begin, end = entry["data_offsets"]
        shape = [int(n) for n in entry["shape"]]
        dtype = np.dtype(_DTYPES[entry["dtype"]]).newbyteorder("<")
        if end - begin != dtype.itemsize * int(np.prod(shape)):
            raise ValueError(f"{os.path.basename(path)}: {key} has the wrong size")
        out = np.zeros([shape[0] + extra_rows, *shape[1:]], dtype=dtype)
        f.seek(8 + size + begin)
        if f.readinto(out.data.cast("B")[:end - begin]) != end - begin:
            raise ValueError(f"{os.path.basename(path)} is truncated")
    return out if extra_rows else out.reshape(shape)


def _load() -> Model:
    try:
        from tokenizers import Tokenizer

        folder = model_folder()
        tokenizer = Tokenizer.from_file(os.path.join(folder, *TOKENIZER_FILE))
        stored = read_tensor(os.path.join(folder, *WEIGHTS_FILE), TENSOR_KEY, extra_rows=1)
    except EmbeddingModelError:
        raise
    except Exception as exc:  # any failure here means the install is broken: say so plainly
        raise EmbeddingModelError(f"cannot load the bundled wordllama model offline: {exc}") from exc
    padded = np.zeros(stored.shape, dtype=np.float32)
    ready = np.zeros(stored.shape[0], dtype=bool)
    ready[-1] = True                                    # the padding row: zero in both
    return Model(stored, tokenizer, padded, ready)


def _padded_table(ids: Sequence[Sequence[int]]) -> np.ndarray:
    """The float32 token table with one extra zero row (the padding token), valid at least for the
    rows of these token ids."""
    model = load_model()
    pad = model.embedding.shape[0]
    flat = np.fromiter((i for x in ids for i in x), dtype=np.int64)
    model.rows_ready(np.clip(flat, 0, pad))
    return model.padded


def dimension() -> int:
    return int(load_model().embedding.shape[1])


def token_ids(texts: Sequence[str]) -> list[list[int]]:
    """Token ids of each text (no padding, no special tokens), each cut at a sane maximum."""
    tokenizer = load_model().tokenizer
    with _LOCK:  # the tokenizer object is shared; its padding setting is global state
        tokenizer.no_padding()
        encodings = tokenizer.encode_batch(list(texts), add_special_tokens=False)
    return [e.ids[:EMBED_MAX_TOKENS_PER_TEXT] for e in encodings]


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-norm float32 embeddings, shape ``(len(texts), 256)``; an empty text gives a zero row.

    A text's row reads that text alone (its own tokens, summed in their order, whatever batch it
    falls in), so a text given many times (one agency's sentence in many outlets) is tokenized and
    pooled once and its row repeated: the very rows of embedding each copy."""
    distinct = list(dict.fromkeys(texts))
    if len(distinct) < len(texts):
        at = {t: i for i, t in enumerate(distinct)}
        return _embed(distinct)[[at[t] for t in texts]]
    return _embed(texts)


def _embed(texts: Sequence[str]) -> np.ndarray:
    model = load_model()
    table = model.embedding
    out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    if not texts:
        return out
    ids = token_ids(texts)
    # Sort by length and pool in batches padded only to their own longest text: little padding, and
    # memory bounded by EMBED_CHUNK_TOKENS however long one text is.
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    padded_table = _padded_table(ids)
    pad = table.shape[0]
    start = 0
    while start < len(order):
        longest = max(1, len(ids[order[start]]))
        stop = start + 1
        while stop < len(order) and (stop - start + 1) * max(longest, len(ids[order[stop]])) \
                <= EMBED_CHUNK_TOKENS:
            longest = max(longest, len(ids[order[stop]]))
            stop += 1
        batch = order[start:stop]
        _pool_into(out, batch, [ids[i] for i in batch], padded_table, pad, longest)
        start = stop
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


def _pool_into(out: np.ndarray, rows: list[int], ids: list[list[int]], table: np.ndarray, pad: int,
               width: int) -> None:
    """Mean of token vectors for each text of one length-sorted batch (``pad`` is a zero row)."""
    index = np.full((len(ids), width), pad, dtype=np.int64)
    lengths = np.zeros(len(ids), dtype=np.float32)
    for r, x in enumerate(ids):
        index[r, :len(x)] = x
        lengths[r] = len(x)
    np.clip(index, 0, pad, out=index)
    sums = table[index].sum(axis=1)
    out[rows] = sums / np.maximum(lengths, 1.0)[:, None]

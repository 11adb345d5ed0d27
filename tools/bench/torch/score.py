#!/usr/bin/env python3
"""PyTorch reference for Strand's variant-scoring benchmark (tools/bench/score-variants.ts).

Reads `--windows` (one variant per line: ref window, tab, alt window; the windows Strand cut
from the same VCF and FASTA), builds `--model` from `--config` (models.py) in eval mode, and
times two things on `--threads` threads after one untimed warm-up batch:
  model:  sigmoid(model(x)) over pre-encoded one-hot rows (2 rows per variant, 4 with --rc),
  encode: the same plus the one-hot encoding of the window strings (numpy lookup table),
in batches of `--batch` variants. Prints one JSON line with variants/s for both.
"""
import argparse, json, time

import numpy as np
import torch

from models import build

p = argparse.ArgumentParser()
p.add_argument("--model", required=True)
p.add_argument("--config", required=True)
p.add_argument("--windows", required=True)
p.add_argument("--rc", type=int, default=0)
for name, default in [("len", 101), ("batch", 256), ("threads", 1)]:
    p.add_argument(f"--{name}", type=int, default=default)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.set_num_interop_threads(1)
model = build(a.model, json.loads(a.config), a.len).eval()
with open(a.windows) as f:
    pairs = [line.rstrip("\n").split("\t") for line in f if line.strip()]
n = len(pairs)

LOOKUP = np.full(256, 4, dtype=np.int64)
for i, base in enumerate(b"ACGT"):
    LOOKUP[base] = i
    LOOKUP[base + 32] = i  # lowercase (soft-masked)
# N (and any other code) → 0.25 each, as Strand's one-hot encodes N.
EYE = np.concatenate([np.eye(4, dtype=np.float32), np.full((1, 4), 0.25, np.float32)])


def encode(chunk):
    """[rows, 4, len] one-hot of the chunk's ref windows then alt windows (then RCs)."""
    text = "".join(r for r, _ in chunk) + "".join(alt for _, alt in chunk)
    idx = LOOKUP[np.frombuffer(text.encode("ascii"), dtype=np.uint8)].reshape(-1, a.len)
    x = EYE[idx]  # [rows, len, 4]
    if a.rc:
        x = np.concatenate([x, x[:, ::-1, ::-1]])
    return torch.from_numpy(np.ascontiguousarray(x.transpose(0, 2, 1)))


def predict(x):
    return torch.sigmoid(model(x)).numpy()


chunks = [pairs[i:i + a.batch] for i in range(0, n, a.batch)]
with torch.no_grad():
    predict(encode(chunks[0]))  # warm-up
    t0 = time.perf_counter()
    for c in chunks:
        predict(encode(c))
    encode_seconds = time.perf_counter() - t0
    encoded = [encode(c) for c in chunks]
    t0 = time.perf_counter()
    for x in encoded:
        predict(x)
    model_seconds = time.perf_counter() - t0
print(json.dumps({"side": "torch", "engine": f"pytorch-{torch.__version__}-cpu",
                  "threads": a.threads, "variants": n, "rows_per_variant": 4 if a.rc else 2,
                  "model_s": round(model_seconds, 4),
                  "model_variants_per_s": round(n / model_seconds, 1),
                  "encode_model_s": round(encode_seconds, 4),
                  "encode_model_variants_per_s": round(n / encode_seconds, 1)}))

#!/usr/bin/env python3
"""PyTorch reference for Strand's inference benchmark (tools/bench/inference.ts).

`--model` built from `--config` (models.py) in eval mode predicts sigmoid probabilities of `--n`
random one-hot sequences of `--len` bp in batches of `--batch` under no_grad, on `--threads`
threads, after one untimed warm-up batch. Prints one JSON line with sequences/s.
"""
import argparse, json, time

import torch

from models import build, one_hot

p = argparse.ArgumentParser()
p.add_argument("--model", required=True)
p.add_argument("--config", required=True)
for name, default in [("n", 20000), ("len", 101), ("batch", 256), ("threads", 1)]:
    p.add_argument(f"--{name}", type=int, default=default)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.set_num_interop_threads(1)
model = build(a.model, json.loads(a.config), a.len).eval()
x = one_hot(a.n, a.len)
with torch.no_grad():
    torch.sigmoid(model(x[:a.batch])).numpy()
    t0 = time.perf_counter()
    for i in range(0, a.n, a.batch):
        torch.sigmoid(model(x[i:i + a.batch])).numpy()
    seconds = time.perf_counter() - t0
print(json.dumps({"side": "torch", "engine": f"pytorch-{torch.__version__}-cpu",
                  "threads": a.threads, "sequences": a.n, "seconds": round(seconds, 4),
                  "sequences_per_s": round(a.n / seconds, 1)}))

#!/usr/bin/env python3
"""PyTorch reference for Strand's training benchmarks (tools/bench/train-compare.ts).

Trains `--model` (built from the same `--config` JSON Strand's buildModel gets; models.py) on
`--n` random one-hot sequences of `--len` bp with random 0/1 labels, BCE-with-logits, Adam
1e-3, batches of `--batch`, `--epochs` epochs, on `--threads` intra-op threads. `--warmup`
batches run first, untimed, on the same model (Strand's side warms up the same way). Prints one
JSON line with samples/s.

Run with Debian's PyTorch: /usr/bin/python3 (apt-get install -y python3-torch).
"""
import argparse, json, time

import torch

from models import build, one_hot, tasks_of

p = argparse.ArgumentParser()
p.add_argument("--model", required=True)
p.add_argument("--config", required=True, help="the model's config as JSON")
for name, default in [("n", 256), ("len", 1000), ("batch", 64), ("epochs", 1), ("threads", 1),
                      ("warmup", 1)]:
    p.add_argument(f"--{name}", type=int, default=default)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.set_num_interop_threads(1)
config = json.loads(a.config)
model = build(a.model, config, a.len).train()
x = one_hot(a.n, a.len)
y = torch.randint(0, 2, (a.n, tasks_of(a.model, config)), generator=torch.Generator().manual_seed(1)).float()
opt = torch.optim.Adam(model.parameters(), 1e-3)
loss_fn = torch.nn.BCEWithLogitsLoss()


def step(i):
    opt.zero_grad(set_to_none=True)
    loss = loss_fn(model(x[i:i + a.batch]), y[i:i + a.batch])
    loss.backward()
    opt.step()
    return loss


for w in range(a.warmup):
    step((w * a.batch) % a.n)
t0 = time.perf_counter()
for _ in range(a.epochs):
    for i in range(0, a.n, a.batch):
        loss = step(i)
float(loss)
seconds = time.perf_counter() - t0
print(json.dumps({"side": "torch", "engine": f"pytorch-{torch.__version__}-cpu",
                  "threads": a.threads, "samples": a.n * a.epochs, "seconds": round(seconds, 4),
                  "samples_per_s": round(a.n * a.epochs / seconds, 2)}))

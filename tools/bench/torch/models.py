"""Strand's architectures in PyTorch, for the benchmarks' same-run references.

Each builder takes the same config dict Strand's `buildModel` gets (its fields, same names) and
the input length, and returns a module mapping one-hot input [N, 4, L] (PyTorch's channels-first
layout) to logits [N, tasks]: the same layers, widths, activations and dropout as the tf.layers
model of libs/models/src/architectures. The sigmoid head is folded into the loss
(BCEWithLogitsLoss) in training and applied explicitly in inference.
"""
import torch
from torch import nn


def deepbind(c, length):
    return nn.Sequential(
        nn.Conv1d(4, c["filters"], c["kernelSize"]), nn.ReLU(), nn.AdaptiveMaxPool1d(1),
        nn.Flatten(), nn.Linear(c["filters"], c["hiddenUnits"]), nn.ReLU(),
        nn.Dropout(c["dropout"]), nn.Linear(c["hiddenUnits"], 1))


class DanQ(nn.Module):
    """conv → ReLU → max pool → dropout → BiLSTM (sigmoid gates, as Strand's) → dropout → dense."""

    def __init__(self, c, length):
        super().__init__()
        self.conv = nn.Conv1d(4, c["filters"], c["kernelSize"])
        self.pool = nn.MaxPool1d(c["poolSize"])
        self.drop1 = nn.Dropout(c["dropout"])
        self.lstm = nn.LSTM(c["filters"], c["lstmUnits"], batch_first=True, bidirectional=True)
        self.drop2 = nn.Dropout(c["finalDropout"])
        steps = (length - c["kernelSize"] + 1) // c["poolSize"]
        self.dense = nn.Linear(steps * 2 * c["lstmUnits"], c["hiddenUnits"])
        self.out = nn.Linear(c["hiddenUnits"], c["tasks"])

    def forward(self, x):
        h = self.drop1(self.pool(torch.relu(self.conv(x)))).transpose(1, 2)
        h, _ = self.lstm(h)
        return self.out(torch.relu(self.dense(self.drop2(h).flatten(1))))


def danq(c, length):
    return DanQ(c, length)


def deepsea(c, length):
    f, k, p = c["filters"], c["kernelSize"], c["poolSize"]
    out = ((length - k + 1) // p - k + 1) // p - k + 1
    return nn.Sequential(
        nn.Conv1d(4, f[0], k), nn.ReLU(), nn.MaxPool1d(p), nn.Dropout(c["dropout"]),
        nn.Conv1d(f[0], f[1], k), nn.ReLU(), nn.MaxPool1d(p), nn.Dropout(c["dropout"]),
        nn.Conv1d(f[1], f[2], k), nn.ReLU(), nn.Dropout(c["finalDropout"]),
        nn.Flatten(), nn.Linear(out * f[2], c["hiddenUnits"]), nn.ReLU(),
        nn.Linear(c["hiddenUnits"], c["tasks"]))


def basset(c, length):
    layers, channels = [], 4
    for f, k, p in zip(c["filters"], c["kernelSizes"], c["poolSizes"]):
        # tf.layers 'same' padding puts the odd extra zero on the right, as PyTorch's 'same'.
        layers += [nn.Conv1d(channels, f, k, padding="same"), nn.BatchNorm1d(f), nn.ReLU(),
                   nn.MaxPool1d(p)]
        channels, length = f, length // p
    layers.append(nn.Flatten())
    width = channels * length
    for units in c["hiddenUnits"]:
        layers += [nn.Linear(width, units), nn.ReLU(), nn.Dropout(c["dropout"])]
        width = units
    layers.append(nn.Linear(width, c["tasks"]))
    return nn.Sequential(*layers)


BUILDERS = {"deepbind": deepbind, "danq": danq, "deepsea": deepsea, "basset": basset}


def build(name, config, length):
    torch.manual_seed(0)
    return BUILDERS[name](config, length)


def one_hot(count, length, seed=0):
    """Random one-hot sequences [count, 4, length] (values do not change the speed)."""
    g = torch.Generator().manual_seed(seed)
    idx = torch.randint(0, 4, (count, length), generator=g)
    return nn.functional.one_hot(idx, 4).float().permute(0, 2, 1).contiguous()


def tasks_of(name, config):
    return 1 if name == "deepbind" else config["tasks"]

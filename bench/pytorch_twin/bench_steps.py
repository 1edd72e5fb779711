"""Median training-step time (batch 16 × 1 × 2500, CE, AdamW) of the PyTorch twins; prints one JSON line.

Usage: LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 bench/pytorch_twin/bench_steps.py [threads]
"""
import json
import statistics
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from resnet_twin import Segmenter  # noqa: E402
from vit_twin import EncoderDecoder, FcnConfig, VitConfig  # noqa: E402

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
torch.set_num_threads(threads)
torch.manual_seed(0)
x = torch.randn(16, 1, 2500)
y = torch.randint(0, 4, (16, 2500))


def step_ms(model, reps=6, warmup=2):
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05)
    model.train()
    times = []
    for i in range(warmup + reps):
        start = time.perf_counter()
        opt.zero_grad()
        out = model(x)
        logits = out[1] if isinstance(out, tuple) else out
        loss = F.cross_entropy(logits, y)
        loss.backward()
        opt.step()
        if i >= warmup:
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


values = {"resnet18_fcn_step_ms": step_ms(Segmenter()),
          "vit_tiny_fcn_step_ms": step_ms(EncoderDecoder(VitConfig(), FcnConfig())),
          "threads": threads, "torch": torch.__version__}
print(json.dumps({"name": "pytorch_steps", "values": values}))

"""Writes tests/Fixtures/vit/adamw_pytorch.json: three steps of PyTorch's AdamW (single-tensor, the 1.13 code path)
over two parameter groups with a per-step learning-rate schedule, including a parameter whose gradient first appears
at step 2 and one that never gets a gradient (like the ViT's unused final LayerNorm).

Run from the repository root:
    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 bench/pytorch_twin/make_adamw_fixture.py

JSON layout: hyper-parameters, "groups" (name, lr_scale, weight_decay, parameter names), "initial" {name: values},
"steps": [{"scheduled_lr", "grads": {name: values} (absent = grad None), "after": {name: values}}].
Values are flat float32 lists (row-major), written as exact decimal floats.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch

BETAS = (0.9, 0.999)
EPS = 1e-8
SHAPES = {"w": (3, 2), "b": (3,), "late": (2,), "unused": (4,)}
GROUPS = [
    {"name": "decay", "lr_scale": 1.0, "weight_decay": 0.05, "params": ["w", "late", "unused"]},
    {"name": "no_decay", "lr_scale": 0.5, "weight_decay": 0.0, "params": ["b"]},
]
SCHEDULE = [1e-2, 3e-2, 2e-2]
HAS_GRAD = [{"w", "b"}, {"w", "b", "late"}, {"w", "b", "late"}]


def flat(t: torch.Tensor) -> list[float]:
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def main() -> None:
    torch.manual_seed(7)
    params = {n: torch.nn.Parameter(torch.randn(s)) for n, s in SHAPES.items()}
    optimizer = torch.optim.AdamW(
        [{"params": [params[n] for n in g["params"]], "weight_decay": g["weight_decay"]} for g in GROUPS],
        lr=SCHEDULE[0], betas=BETAS, eps=EPS, foreach=False, maximize=False, amsgrad=False)
    record = {
        "torch_version": torch.__version__,
        "betas": list(BETAS),
        "eps": EPS,
        "shapes": {n: list(s) for n, s in SHAPES.items()},
        "groups": [{k: g[k] for k in ("name", "lr_scale", "weight_decay")} | {"parameters": g["params"]} for g in GROUPS],
        "initial": {n: flat(p) for n, p in params.items()},
        "steps": [],
    }
    for step, lr in enumerate(SCHEDULE):
        for group, spec in zip(optimizer.param_groups, GROUPS):
            group["lr"] = lr * spec["lr_scale"]
        optimizer.zero_grad(set_to_none=True)
        grads = {}
        for name in sorted(HAS_GRAD[step]):
            grads[name] = torch.randn(SHAPES[name])
            params[name].grad = grads[name].clone()
        optimizer.step()
        record["steps"].append({
            "scheduled_lr": lr,
            "grads": {n: flat(g) for n, g in grads.items()},
            "after": {n: flat(p) for n, p in params.items()},
        })
    out = Path(__file__).resolve().parents[2] / "tests" / "Fixtures" / "vit" / "adamw_pytorch.json"
    out.write_text(json.dumps(record, indent=1) + "\n")
    print("wrote", out)


if __name__ == "__main__":
    main()

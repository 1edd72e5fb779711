"""Median training-step time of the semi-supervised methods on the PyTorch twins, written from the spec (our code).

One step = what the C# step of the same name does (batch 16 labeled + 16 unlabeled, 1 × 2500 samples, AdamW):
  supervised   train-mode forward of the labeled batch, cross-entropy, backward, AdamW
  fixmatch     eval-mode no-grad forward of the weak view → hard pseudo-labels and confidences; one train-mode forward
               of labeled + strong concatenated; CE + confidence-masked CE, averaged; backward; AdamW
  mean_teacher EMA teacher's no-grad softmax on the weak view; student forward of labeled + strong; CE + soft CE;
               backward; AdamW; EMA update of the teacher's parameters and buffers
  cps          two networks: each one's eval-mode pseudo-labels on the weak view, each one's forward of labeled + weak,
               CE + CE against the other's labels; two backwards, two AdamW steps
Prints one JSON line: {"name": "pytorch_methods", "values": {"<model>/<method>_ms": ..., ...}}.

Usage: LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 bench/pytorch_twin/bench_methods.py \
           [threads] [reps] [configs]
(configs: comma-separated names as below, e.g. resnet18/fixmatch,vit_tiny/scratch; default all six)
"""
import copy
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
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 6
torch.set_num_threads(threads)
torch.manual_seed(0)
labeled = torch.randn(16, 1, 2500)
masks = torch.randint(0, 4, (16, 2500))
weak = torch.randn(16, 1, 2500)
strong = torch.randn(16, 1, 2500)


def logits_of(model, x):
    out = model(x)
    return out[1] if isinstance(out, tuple) else out


def adamw(model):
    return torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05)


def pseudo_labels(model, x):
    model.eval()
    with torch.no_grad():
        confidence, labels = logits_of(model, x).softmax(1).max(1)
    model.train()
    return confidence, labels


def supervised(make):
    model = make()
    opt = adamw(model)

    def step():
        opt.zero_grad()
        F.cross_entropy(logits_of(model, labeled), masks).backward()
        opt.step()
    return step


def fixmatch(make):
    model = make()
    opt = adamw(model)

    def step():
        confidence, pseudo = pseudo_labels(model, weak)
        logits = logits_of(model, torch.cat([labeled, strong]))
        mask = (confidence >= 0.8).float()
        loss_x = F.cross_entropy(logits[:16], masks)
        loss_u = (F.cross_entropy(logits[16:], pseudo, reduction="none") * mask).mean()
        opt.zero_grad()
        ((loss_x + loss_u) / 2).backward()
        opt.step()
    return step


def mean_teacher(make):
    student = make()
    teacher = copy.deepcopy(student)
    for p in teacher.parameters():
        p.requires_grad_(False)
    opt = adamw(student)

    def step():
        teacher.eval()
        with torch.no_grad():
            targets = logits_of(teacher, weak).softmax(1)
        logits = logits_of(student, torch.cat([labeled, strong]))
        loss_x = F.cross_entropy(logits[:16], masks)
        loss_u = (-(targets * F.log_softmax(logits[16:], dim=1)).sum(1)).mean()
        opt.zero_grad()
        ((loss_x + loss_u) / 2).backward()
        opt.step()
        with torch.no_grad():
            for t, s in zip(teacher.parameters(), student.parameters()):
                t.mul_(0.99).add_(s, alpha=0.01)
            for t, s in zip(teacher.buffers(), student.buffers()):
                if t.is_floating_point():
                    t.mul_(0.99).add_(s, alpha=0.01)
    return step


def cps(make):
    first, second = make(), make()
    opt1, opt2 = adamw(first), adamw(second)

    def step():
        _, from_first = pseudo_labels(first, weak)
        _, from_second = pseudo_labels(second, weak)
        losses = []
        for model, other_labels in ((first, from_second), (second, from_first)):
            logits = logits_of(model, torch.cat([labeled, weak]))
            losses.append((F.cross_entropy(logits[:16], masks) + F.cross_entropy(logits[16:], other_labels)) / 2)
        for opt, loss in ((opt1, losses[0]), (opt2, losses[1])):
            opt.zero_grad()
            loss.backward()
            opt.step()
    return step


def vit():
    return EncoderDecoder(VitConfig(), FcnConfig())


cases = {
    "resnet18/scratch": supervised(Segmenter), "resnet18/fixmatch": fixmatch(Segmenter),
    "resnet18/mean_teacher": mean_teacher(Segmenter), "resnet18/cps": cps(Segmenter),
    "vit_tiny/scratch": supervised(vit), "vit_tiny/fixmatch": fixmatch(vit),
}
only = sys.argv[3].split(",") if len(sys.argv) > 3 else None
times = {name: [] for name in cases if only is None or name in only}
for round_ in range(2 + reps):
    for name in (list(times) if round_ % 2 == 0 else list(reversed(times))):
        start = time.perf_counter()
        cases[name]()
        if round_ >= 2:
            times[name].append((time.perf_counter() - start) * 1000)
values = {name + "_ms": statistics.median(t) for name, t in times.items()}
values.update(threads=threads, torch=torch.__version__)
print(json.dumps({"name": "pytorch_methods", "values": values}))

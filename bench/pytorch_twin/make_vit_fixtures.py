"""Regenerates tests/Fixtures/vit/ from the PyTorch twin (vit_twin.py). The C# tests only read the committed files.

Run from the repository root:
    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 bench/pytorch_twin/make_vit_fixtures.py

Each case folder holds:
    config.json       backbone and head options (snake_case, as in the YAML) and the tolerance used by the test
    state_dict.pt     torch.save(model.state_dict()) (zip format), under the original's keys, as in the C# model
    input.npy         (B, num_leads, seq_len) float32, numpy default_rng(seed).standard_normal
    feature_<k>.npy   eval-mode backbone output k, (B, embed_dims, num_patches) float32
    logits.npy        eval-mode logits upsampled to seq_len, (B, num_classes, seq_len) float32
Plus vit_tiny_fcn_keys.json: {key: shape} of the full ViT-Tiny + FCN (in_channels 192) in PyTorch state-dict order,
and, for the two_leads case only, state_dict_legacy_names.pt: the same tensors under the timm-style names our ViT used
before it took the original's (class token (1, 1, E)), for the tests that such files keep loading.
The configs are reduced (small widths, few blocks) to keep the files small; attention inner width differs from the
embedding width and one case has two leads, so the q/k/v and patch layouts are both pinned down.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vit_twin import EncoderDecoder, FcnConfig, VitConfig, parameter_count  # noqa: E402

LEGACY_NAMES_CASE = "two_leads"

# Current (original's) name pattern -> the timm-style name our earlier ViT saved; written out here on its own so the
# C# mapping is checked against an independent statement of it.
LEGACY_RENAMES = [
    (r"^backbone\.cls_embedding$", "backbone.cls_token"),
    (r"^backbone\.pos_embedding$", "backbone.pos_embed"),
    (r"^backbone\.to_patch_embedding\.1\.", "backbone.patch_embed.norm1."),
    (r"^backbone\.to_patch_embedding\.2\.", "backbone.patch_embed.proj."),
    (r"^backbone\.to_patch_embedding\.3\.", "backbone.patch_embed.norm2."),
    (r"^backbone\.block(\d+)\.attn\.norm\.", r"backbone.blocks.\1.norm1."),
    (r"^backbone\.block(\d+)\.attn\.fn\.to_qkv\.", r"backbone.blocks.\1.attn.qkv."),
    (r"^backbone\.block(\d+)\.attn\.fn\.to_out\.0\.", r"backbone.blocks.\1.attn.proj."),
    (r"^backbone\.block(\d+)\.ff\.norm\.", r"backbone.blocks.\1.norm2."),
    (r"^backbone\.block(\d+)\.ff\.fn\.net\.0\.", r"backbone.blocks.\1.mlp.fc1."),
    (r"^backbone\.block(\d+)\.ff\.fn\.net\.3\.", r"backbone.blocks.\1.mlp.fc2."),
]


def legacy_state_dict(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    renamed = {}
    for key, value in state.items():
        for pattern, replacement in LEGACY_RENAMES:
            if re.match(pattern, key):
                key = re.sub(pattern, replacement, key)
                break
        renamed[key] = value.reshape(1, 1, -1) if key == "backbone.cls_token" else value
    return renamed


CASES = {
    "two_leads": dict(
        seed=11,
        batch=3,
        vit=VitConfig(seq_len=250, patch_size=25, num_leads=2, embed_dims=32, num_layers=4, num_heads=2,
                      head_dim=24, mlp_ratio=4.0, qkv_bias=True, out_indices=[1, 3]),
        head=FcnConfig(in_channels=32, in_index=1, channels=16, kernel_size=3, num_classes=4),
    ),
    "one_lead_no_qkv_bias": dict(
        seed=12,
        batch=2,
        vit=VitConfig(seq_len=500, patch_size=25, num_leads=1, embed_dims=48, num_layers=3, num_heads=4,
                      head_dim=8, mlp_ratio=2.0, qkv_bias=False, out_indices=[0, 1, 2]),
        head=FcnConfig(in_channels=48, in_index=2, channels=16, kernel_size=3, num_classes=4),
    ),
}


def make_case(root: Path, name: str, case: dict) -> None:
    torch.manual_seed(case["seed"])
    model = EncoderDecoder(case["vit"], case["head"])
    with torch.no_grad():
        # Non-trivial BN statistics, so that the eval-mode head is not an identity normalisation.
        bn = model.decode_head.convs[0][1]
        bn.running_mean.copy_(torch.randn_like(bn.running_mean) * 0.1)
        bn.running_var.copy_(torch.rand_like(bn.running_var) + 0.5)
        bn.weight.copy_(torch.rand_like(bn.weight) + 0.5)
        bn.bias.copy_(torch.randn_like(bn.bias) * 0.1)
        bn.num_batches_tracked.fill_(7)
    model.eval()

    rng = np.random.default_rng(case["seed"])
    cfg = case["vit"]
    x = rng.standard_normal((case["batch"], cfg.num_leads, cfg.seq_len)).astype(np.float32)
    with torch.no_grad():
        feats, logits = model(torch.from_numpy(x))

    out = root / name
    out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), out / "state_dict.pt")
    if name == LEGACY_NAMES_CASE:
        torch.save(legacy_state_dict(model.state_dict()), out / "state_dict_legacy_names.pt")
    np.save(out / "input.npy", x)
    for k, f in enumerate(feats):
        np.save(out / f"feature_{k}.npy", f.numpy().astype(np.float32))
    np.save(out / "logits.npy", logits.numpy().astype(np.float32))
    config = {
        "backbone": asdict(cfg),
        "decode_head": asdict(case["head"]),
        "seed": case["seed"],
        "parameters": parameter_count(model),
        "state_dict_keys": len(model.state_dict()),
        "torch_version": torch.__version__,
        "atol": 1e-5,
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    print(name, "parameters", config["parameters"], "keys", config["state_dict_keys"],
          "logits", tuple(logits.shape), "features", [tuple(f.shape) for f in feats])


def main() -> None:
    torch.set_num_threads(2)
    root = Path(__file__).resolve().parents[2] / "tests" / "Fixtures" / "vit"
    for name, case in CASES.items():
        make_case(root, name, case)
    full = EncoderDecoder(VitConfig(), FcnConfig())
    keys = {k: list(v.shape) for k, v in full.state_dict().items()}
    lines = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in keys.items())
    (root / "vit_tiny_fcn_keys.json").write_text("{\n" + lines + "\n}\n")
    print("vit_tiny_fcn_keys.json", len(keys), "keys,", parameter_count(full), "parameters")


if __name__ == "__main__":
    main()

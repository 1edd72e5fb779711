"""PyTorch twin of our C# 1-D ViT backbone and FCN head (SemiSegEcg.Models), written from REFERENCE-SPEC §3.2/§3.3.

This is our own code, not the original implementation. Module names give the original's state-dict keys, which the C#
model also uses (`backbone.pos_embedding`, `backbone.cls_embedding` (1-D), `backbone.to_patch_embedding.{1,2,3}.*`,
`backbone.block0.attn.norm.*`, `backbone.block0.attn.fn.to_qkv.*`, `backbone.block0.attn.fn.to_out.0.*`,
`backbone.block0.ff.norm.*`, `backbone.block0.ff.fn.net.{0,3}.*`, `backbone.norm.*`; docs/models.md).
The attention is written out explicitly (softmax(q kᵀ / sqrt(head_dim)) v) so that it is an independent check of the
C# side, which uses scaled_dot_product_attention. Runs on Debian's torch 1.13 (`/usr/bin/python3`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn


@dataclass
class VitConfig:
    seq_len: int = 2500
    patch_size: int = 25
    num_leads: int = 1
    embed_dims: int = 192
    num_layers: int = 12
    num_heads: int = 3
    head_dim: int = 64
    mlp_ratio: float = 4.0
    qkv_bias: bool = True
    out_indices: list[int] = field(default_factory=lambda: [3, 5, 7, 11])

    @property
    def num_patches(self) -> int:
        return self.seq_len // self.patch_size


@dataclass
class FcnConfig:
    in_channels: int = 192
    in_index: int = 3
    channels: int = 128
    kernel_size: int = 3
    num_classes: int = 4
    dropout_ratio: float = 0.1


class PatchEmbedding(nn.Module):
    """(B, L, T) -> (B, N, P*L), token value j = offset * L + lead; LN -> Linear -> LN as children 1, 2, 3
    (child 0 of the original is the parameter-free rearrangement, done in forward here)."""

    def __init__(self, patch_size: int, num_leads: int, embed_dims: int):
        super().__init__()
        self.patch_size = patch_size
        self.num_leads = num_leads
        self.add_module("1", nn.LayerNorm(patch_size * num_leads))
        self.add_module("2", nn.Linear(patch_size * num_leads, embed_dims))
        self.add_module("3", nn.LayerNorm(embed_dims))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, leads, t = x.shape
        n = t // self.patch_size
        tokens = x.reshape(b, leads, n, self.patch_size).permute(0, 2, 3, 1).reshape(b, n, self.patch_size * leads)
        norm1, proj, norm2 = (getattr(self, k) for k in ("1", "2", "3"))
        return norm2(proj(norm1(tokens)))


class Attention(nn.Module):
    def __init__(self, embed_dims: int, num_heads: int, head_dim: int, qkv_bias: bool):
        super().__init__()
        self.num_heads = num_heads
        self.head_dim = head_dim
        inner = num_heads * head_dim
        self.to_qkv = nn.Linear(embed_dims, 3 * inner, bias=qkv_bias)
        self.to_out = nn.Sequential(nn.Linear(inner, embed_dims))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, n, _ = x.shape
        q, k, v = self.to_qkv(x).chunk(3, dim=-1)

        def split(t: torch.Tensor) -> torch.Tensor:  # (B, N, H*D) -> (B, H, N, D)
            return t.reshape(b, n, self.num_heads, self.head_dim).transpose(1, 2)

        q, k, v = split(q), split(k), split(v)
        weights = torch.softmax(q @ k.transpose(-2, -1) * self.head_dim ** -0.5, dim=-1)
        out = (weights @ v).transpose(1, 2).reshape(b, n, self.num_heads * self.head_dim)
        return self.to_out(out)


class FeedForward(nn.Module):
    """Linear, GELU, (dropout 0), Linear, (dropout 0): the Linear layers are net.0 and net.3."""

    def __init__(self, embed_dims: int, hidden_dims: int):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(embed_dims, hidden_dims), nn.GELU(), nn.Dropout(0.0),
                                 nn.Linear(hidden_dims, embed_dims), nn.Dropout(0.0))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


class PreNorm(nn.Module):
    def __init__(self, embed_dims: int, fn: nn.Module):
        super().__init__()
        self.norm = nn.LayerNorm(embed_dims)
        self.fn = fn

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fn(self.norm(x))


class Block(nn.Module):
    def __init__(self, cfg: VitConfig):
        super().__init__()
        # The attention is built before the MLP (the norms draw nothing), so the fixtures' random draws stay as they were.
        self.attn = PreNorm(cfg.embed_dims, Attention(cfg.embed_dims, cfg.num_heads, cfg.head_dim, cfg.qkv_bias))
        self.ff = PreNorm(cfg.embed_dims, FeedForward(cfg.embed_dims, round(cfg.embed_dims * cfg.mlp_ratio)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attn(x)
        return x + self.ff(x)


class VisionTransformer1d(nn.Module):
    def __init__(self, cfg: VitConfig):
        super().__init__()
        self.cfg = cfg
        # Drawn class token first, as earlier fixtures did; registered position first, as in the original's state dict.
        cls = torch.randn(cfg.embed_dims)
        self.pos_embedding = nn.Parameter(torch.randn(1, cfg.num_patches + 1, cfg.embed_dims))
        self.cls_embedding = nn.Parameter(cls)
        self.to_patch_embedding = PatchEmbedding(cfg.patch_size, cfg.num_leads, cfg.embed_dims)
        for i in range(cfg.num_layers):
            self.add_module(f"block{i}", Block(cfg))
        self.norm = nn.LayerNorm(cfg.embed_dims)  # built, never applied (final_norm false)

    def forward(self, x: torch.Tensor) -> list[torch.Tensor]:
        tokens = self.to_patch_embedding(x)
        cls = self.cls_embedding.reshape(1, 1, -1).expand(x.shape[0], -1, -1)
        x = torch.cat([cls, tokens], dim=1) + self.pos_embedding
        outs = []
        for i in range(self.cfg.num_layers):
            x = getattr(self, f"block{i}")(x)
            if i in self.cfg.out_indices:
                outs.append(x[:, 1:].transpose(1, 2).contiguous())
        return outs


class FcnHead(nn.Module):
    def __init__(self, cfg: FcnConfig):
        super().__init__()
        self.cfg = cfg
        self.convs = nn.Sequential(nn.Sequential(
            nn.Conv1d(cfg.in_channels, cfg.channels, cfg.kernel_size, padding=cfg.kernel_size // 2, bias=False),
            nn.BatchNorm1d(cfg.channels),
            nn.ReLU()))
        self.dropout = nn.Dropout(cfg.dropout_ratio)
        self.cls_seg = nn.Conv1d(cfg.channels, cfg.num_classes, 1)

    def forward(self, feats: list[torch.Tensor]) -> torch.Tensor:
        return self.cls_seg(self.dropout(self.convs(feats[self.cfg.in_index])))


class EncoderDecoder(nn.Module):
    def __init__(self, vit: VitConfig, head: FcnConfig):
        super().__init__()
        self.backbone = VisionTransformer1d(vit)
        self.decode_head = FcnHead(head)

    def forward(self, x: torch.Tensor) -> tuple[list[torch.Tensor], torch.Tensor]:
        feats = self.backbone(x)
        logits = F.interpolate(self.decode_head(feats), size=x.shape[-1], mode="linear", align_corners=False)
        return feats, logits


def parameter_count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


if __name__ == "__main__":
    model = EncoderDecoder(VitConfig(), FcnConfig())
    print("ViT-Tiny backbone:", parameter_count(model.backbone), "ViT-Tiny + FCN:", parameter_count(model))

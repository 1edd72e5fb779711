"""PyTorch twin of our C# 1-D ViT backbone and FCN head (SemiSegEcg.Models), written from REFERENCE-SPEC §3.2/§3.3.

This is our own code, not the original implementation. Module attribute names equal the C# field names, so
`state_dict()` keys are identical on both sides (`backbone.cls_token`, `backbone.blocks.0.attn.qkv.weight`, ...).
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
    """(B, L, T) -> (B, N, P*L), token value j = offset * L + lead; LN -> Linear -> LN."""

    def __init__(self, patch_size: int, num_leads: int, embed_dims: int):
        super().__init__()
        self.patch_size = patch_size
        self.num_leads = num_leads
        self.norm1 = nn.LayerNorm(patch_size * num_leads)
        self.proj = nn.Linear(patch_size * num_leads, embed_dims)
        self.norm2 = nn.LayerNorm(embed_dims)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, leads, t = x.shape
        n = t // self.patch_size
        tokens = x.reshape(b, leads, n, self.patch_size).permute(0, 2, 3, 1).reshape(b, n, self.patch_size * leads)
        return self.norm2(self.proj(self.norm1(tokens)))


class Attention(nn.Module):
    def __init__(self, embed_dims: int, num_heads: int, head_dim: int, qkv_bias: bool):
        super().__init__()
        self.num_heads = num_heads
        self.head_dim = head_dim
        inner = num_heads * head_dim
        self.qkv = nn.Linear(embed_dims, 3 * inner, bias=qkv_bias)
        self.proj = nn.Linear(inner, embed_dims)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, n, _ = x.shape
        q, k, v = self.qkv(x).chunk(3, dim=-1)

        def split(t: torch.Tensor) -> torch.Tensor:  # (B, N, H*D) -> (B, H, N, D)
            return t.reshape(b, n, self.num_heads, self.head_dim).transpose(1, 2)

        q, k, v = split(q), split(k), split(v)
        weights = torch.softmax(q @ k.transpose(-2, -1) * self.head_dim ** -0.5, dim=-1)
        out = (weights @ v).transpose(1, 2).reshape(b, n, self.num_heads * self.head_dim)
        return self.proj(out)


class Mlp(nn.Module):
    def __init__(self, embed_dims: int, hidden_dims: int):
        super().__init__()
        self.fc1 = nn.Linear(embed_dims, hidden_dims)
        self.act = nn.GELU()
        self.fc2 = nn.Linear(hidden_dims, embed_dims)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(self.act(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, cfg: VitConfig):
        super().__init__()
        self.norm1 = nn.LayerNorm(cfg.embed_dims)
        self.attn = Attention(cfg.embed_dims, cfg.num_heads, cfg.head_dim, cfg.qkv_bias)
        self.norm2 = nn.LayerNorm(cfg.embed_dims)
        self.mlp = Mlp(cfg.embed_dims, round(cfg.embed_dims * cfg.mlp_ratio))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class VisionTransformer1d(nn.Module):
    def __init__(self, cfg: VitConfig):
        super().__init__()
        self.cfg = cfg
        self.cls_token = nn.Parameter(torch.randn(1, 1, cfg.embed_dims))
        self.pos_embed = nn.Parameter(torch.randn(1, cfg.num_patches + 1, cfg.embed_dims))
        self.patch_embed = PatchEmbedding(cfg.patch_size, cfg.num_leads, cfg.embed_dims)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.num_layers))
        self.norm = nn.LayerNorm(cfg.embed_dims)  # built, never applied (final_norm false)

    def forward(self, x: torch.Tensor) -> list[torch.Tensor]:
        tokens = self.patch_embed(x)
        x = torch.cat([self.cls_token.expand(x.shape[0], -1, -1), tokens], dim=1) + self.pos_embed
        outs = []
        for i, block in enumerate(self.blocks):
            x = block(x)
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

"""PyTorch twin of our C# ResNet-18-1D + FCN head (REFERENCE-SPEC §3.1, §3.3), for step-time comparisons only.

Our own code written from the spec, not the original implementation. Runs on Debian's torch 1.13 (/usr/bin/python3,
with LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp as TORCHSHARP-NOTES recommends).
"""

import torch
import torch.nn.functional as F
from torch import nn


class BasicBlock(nn.Module):
    def __init__(self, inplanes, planes, stride):
        super().__init__()
        self.conv1 = nn.Conv1d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm1d(planes)
        self.conv2 = nn.Conv1d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm1d(planes)
        self.downsample = None
        if stride != 1 or inplanes != planes:
            self.downsample = nn.Sequential(nn.Conv1d(inplanes, planes, 1, stride, bias=False), nn.BatchNorm1d(planes))

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(out)) + identity)


class ResNet18(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv1d(1, 64, 7, 2, 3, bias=False), nn.BatchNorm1d(64), nn.ReLU(), nn.MaxPool1d(3, 2, 1))
        widths, strides, inplanes = [64, 128, 256, 512], [1, 2, 2, 2], 64
        for i, (w, s) in enumerate(zip(widths, strides)):
            setattr(self, f"layer{i + 1}", nn.Sequential(BasicBlock(inplanes, w, s), BasicBlock(w, w, 1)))
            inplanes = w

    def forward(self, x):
        x = self.stem(x)
        x = self.layer1(x)
        x = self.layer2(x)
        x = self.layer3(x)
        return self.layer4(x)


class Segmenter(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = ResNet18()
        self.head = nn.Sequential(nn.Conv1d(512, 128, 3, padding=1, bias=False), nn.BatchNorm1d(128), nn.ReLU(),
                                  nn.Dropout(0.1), nn.Conv1d(128, 4, 1))

    def forward(self, x):
        return F.interpolate(self.head(self.backbone(x)), size=x.shape[-1], mode="linear", align_corners=False)

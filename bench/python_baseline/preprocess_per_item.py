"""What the original pays per item and per epoch: its Dataset re-reads, FFT-resamples, band-passes and z-scores every
item each time it is drawn (scipy), where we do it once per run. Times that per-item work on prepared LUDB samples.

Usage: /usr/bin/python3 bench/python_baseline/preprocess_per_item.py $SEMISEG_DATA/ludb  (needs python3-numpy, python3-scipy)
"""
import glob
import json
import sys
import time

import numpy as np
from scipy import signal

root = sys.argv[1]
files = sorted(glob.glob(f"{root}/ecg/*.npy"))[:400]
high = signal.butter(5, 0.67, "highpass", fs=250, output="sos")
low = signal.butter(5, 40, "lowpass", fs=250, output="sos")


def item(path):
    x = np.load(path).astype(np.float64)[None, :]
    x = signal.resample(x, 2500, axis=1)
    x = signal.sosfiltfilt(high, x)
    x = signal.sosfiltfilt(low, x)
    return ((x - x.mean()) / x.std()).astype(np.float32)


for f in files[:20]:
    item(f)
start = time.perf_counter()
for f in files:
    item(f)
per_item_ms = (time.perf_counter() - start) * 1000 / len(files)
print(json.dumps({"name": "python_preprocess", "values": {
    "per_item_ms": per_item_ms,
    "ludb_1over16_epoch_items": 5 * 16 + 479,
    "ludb_1over16_epoch_ms": per_item_ms * (5 * 16 + 479),
    "ludb_ssl_epoch_items": 88 * 32 + 479,
    "ludb_ssl_epoch_ms": per_item_ms * (88 * 32 + 479)}}))

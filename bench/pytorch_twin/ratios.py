"""Per-method ratio of our step time to the PyTorch twin's, from the JSON lines of bench/compare_twin.sh.

Each round gives one C# median ("steps") and one PyTorch median ("pytorch_methods") per method; the ratio of a round is
C# / PyTorch, and the table shows the rounds' range of each and the median of the per-round ratios.
Usage: python3 bench/pytorch_twin/ratios.py bench/out/twin_<time>.jsonl
"""
import json
import statistics
import sys

ours, twin = {}, {}
with open(sys.argv[1]) as lines:
    for line in lines:
        record = json.loads(line)
        target = {"steps": ours, "pytorch_methods": twin}.get(record["name"])
        if target is None:
            continue
        for key, value in record["values"].items():
            if key.endswith("_ms"):
                target.setdefault(key[:-3], []).append(value)

print("| model / method | C# step (ms) | PyTorch twin step (ms) | C# / PyTorch |")
print("|---|---|---|---|")
for name in twin:
    if name not in ours:
        continue
    ratios = [o / t for o, t in zip(ours[name], twin[name])]
    print(f"| {name} | {min(ours[name]):.0f}–{max(ours[name]):.0f} | {min(twin[name]):.0f}–{max(twin[name]):.0f} "
          f"| **{statistics.median(ratios):.2f}** ({min(ratios):.2f}–{max(ratios):.2f}, {len(ratios)} rounds) |")

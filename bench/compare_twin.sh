#!/usr/bin/env bash
# Our training step against the PyTorch twin's, method by method, back to back in one run: ROUNDS rounds of
# (C# steps, PyTorch steps), each a median of 6 steps after 2 warm-up steps; then the table of ratios.
#   SEMISEG_DATA  prepared data root holding ludb/ (semiseg data prepare ludb --out $SEMISEG_DATA/ludb)
#   THREADS       torch threads on both sides (default 2), ROUNDS (default 3)
# Needs Debian's PyTorch: apt-get install python3-torch libopenblas0-openmp.
set -euo pipefail
cd "$(dirname "$0")/.."
threads="${THREADS:-2}"
rounds="${ROUNDS:-3}"
configs="resnet18/scratch,resnet18/fixmatch,resnet18/mean_teacher,resnet18/cps,vit_tiny/scratch,vit_tiny/fixmatch"
mkdir -p bench/out
out="bench/out/twin_$(date +%Y%m%d_%H%M%S).jsonl"
dotnet build bench/SemiSegEcg.Bench -c Release -v q -nologo
for round in $(seq "$rounds"); do
  BENCH_OUT="$PWD/$out" dotnet bench/SemiSegEcg.Bench/bin/Release/net10.0/SemiSegEcg.Bench.dll steps --configs "$configs" --threads "$threads"
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 bench/pytorch_twin/bench_methods.py "$threads" 6 "$configs" | tee -a "$out"
done
/usr/bin/python3 bench/pytorch_twin/ratios.py "$out"

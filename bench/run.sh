#!/usr/bin/env bash
# Runs every benchmark and appends JSON lines to bench/out/results.jsonl (numbers go to BENCHMARKS.md).
#   SEMISEG_DATA      prepared data root holding ludb/ (semiseg data prepare ludb --out $SEMISEG_DATA/ludb)
#   SEMISEG_RAW_LUDB  raw LUDB folder (default ../shared/data/ludb)
# The C# and PyTorch step benchmarks are interleaved (C#, Py, C#, Py) so their ratio comes from one machine state.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
export BENCH_OUT="$PWD/bench/out/results.jsonl"
threads="${THREADS:-2}"
dotnet build bench/SemiSegEcg.Bench -c Release -v q -nologo
bench() { dotnet bench/SemiSegEcg.Bench/bin/Release/net10.0/SemiSegEcg.Bench.dll "$@" --threads "$threads"; }
py() {
  if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import torch" 2>/dev/null; then
    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 bench/pytorch_twin/bench_steps.py "$threads" | tee -a "$BENCH_OUT"
  else
    echo "PyTorch twin skipped: apt-get install python3-torch libopenblas0-openmp" >&2
  fi
}
bench data
for round in 1 2; do bench steps; py; done
bench profile
bench conv-layouts
bench optimizer
bench pipeline
if /usr/bin/python3 -c "import scipy" 2>/dev/null; then /usr/bin/python3 bench/python_baseline/preprocess_per_item.py "${SEMISEG_DATA:-prepared}/ludb" | tee -a "$BENCH_OUT"; fi
bench delineate
echo "method-by-method ratios against the PyTorch twin: bench/compare_twin.sh" >&2

#!/usr/bin/env bash
# Benchmarks the extract stage alone (no entities) on one core against trafilatura, in one run on
# the same pages, in alternating rounds (BENCH_ROUNDS, default 3), and prints both speeds, each round's
# ratio and their median.
#
#   scripts/bench-extract.sh DATASET [PYTHON_WITH_TRAFILATURA]
#
# DATASET is a folder with html/ID.html.gz pages (such as ../shared/datasets/extraction/scrapinghub);
# PYTHON defaults to ~/anchors/bin/python, a throw-away venv with trafilatura 2.3.1 (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
dataset="${1:?give a dataset folder with html/*.html.gz}"
python="${2:-$HOME/anchors/bin/python}"
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
for page in "$dataset"/html/*; do
  name=$(basename "$page" .gz)
  case "$page" in *.gz) gzip -dc "$page" > "$pages/$name" ;; *) cp "$page" "$pages/$name" ;; esac
done
scripts/install-deps.sh
swift build -c release --product extract-bench >/dev/null
core="taskset -c 0"
command -v taskset >/dev/null || core=""
# Rounds alternate the two tools so that a burst of other work on the machine hits both alike; ours
# goes over the pages five times a round, for a run about as long as trafilatura's single pass.
rounds="${BENCH_ROUNDS:-3}"
results=()
for round in $(seq "$rounds"); do
  ours=$($core .build/release/extract-bench "$pages" --repeat 5 --json)
  theirs=$($core "$python" scripts/bench_trafilatura.py "$pages")
  echo "round $round: pipeline extract $ours"
  echo "round $round: trafilatura      $theirs"
  results+=("$ours" "$theirs")
done
python3 - "${results[@]}" <<'PY'
import json, statistics, sys
runs = [json.loads(a) for a in sys.argv[1:]]
ratios = []
for ours, theirs in zip(runs[0::2], runs[1::2]):
    ratio = ours['pages_per_second'] / theirs['pages_per_second']
    ratios.append(ratio)
    print(f"pipeline {ours['pages_per_second']:.0f} pages/s ({ours['megabytes_per_second']:.1f} MB/s, peak {ours['peak_rss_mb']:.0f} MB), "
          f"trafilatura {theirs['pages_per_second']:.1f} pages/s: ratio {ratio:.1f}x")
print(f"median ratio over {len(ratios)} rounds: {statistics.median(ratios):.1f}x")
PY

#!/usr/bin/env bash
# Benchmarks the extract stage alone (no entities) on one core against trafilatura, in one run on
# the same pages, and prints both speeds and their ratio.
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
ours=$($core .build/release/extract-bench "$pages" --json)
echo "pipeline extract: $ours"
theirs=$($core "$python" scripts/bench_trafilatura.py "$pages")
echo "trafilatura:      $theirs"
python3 - "$ours" "$theirs" <<'PY'
import json, sys
ours, theirs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"pipeline {ours['pages_per_second']:.0f} pages/s ({ours['megabytes_per_second']:.1f} MB/s, peak {ours['peak_rss_mb']:.0f} MB), "
      f"trafilatura {theirs['pages_per_second']:.1f} pages/s: ratio {ours['pages_per_second'] / theirs['pages_per_second']:.1f}x")
PY

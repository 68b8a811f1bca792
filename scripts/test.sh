#!/usr/bin/env bash
# The test command: installs what the build needs, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The schema test validates output lines with Python's jsonschema.
python3 -c "import jsonschema, referencing" 2>/dev/null || python3 -m pip install -q jsonschema
swift build --build-tests
swift test --skip-build "$@"

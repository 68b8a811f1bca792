#!/usr/bin/env python3
"""Times trafilatura.extract on one core over a folder of .html files, read into memory first.

Prints one JSON object: pages, megabytes, seconds, pages_per_second, megabytes_per_second.
Run it with the Python of a venv that has trafilatura (the project does not depend on it).
"""
import json
import os
import sys
import time

import trafilatura

folder = sys.argv[1]
limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
names = sorted(n for n in os.listdir(folder) if n.endswith((".html", ".htm")))[:limit]
pages = []
for name in names:
    with open(os.path.join(folder, name), "rb") as f:
        pages.append(f.read())
total = 0.0
for body in pages:
    started = time.perf_counter()
    trafilatura.extract(body, url="https://example.org/")
    total += time.perf_counter() - started
megabytes = sum(len(p) for p in pages) / 1048576
print(json.dumps({"pages": len(pages), "megabytes": megabytes, "seconds": total,
                  "pages_per_second": len(pages) / total, "megabytes_per_second": megabytes / total}))

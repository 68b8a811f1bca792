#!/usr/bin/env bash
# Fetch benchmark: `pipeline fetch` against `curl --parallel` on the same URLs, same concurrency.
#
# Serves N generated static HTML pages (about 20 KB each) with nginx on several ports of 127.0.0.1
# (each port is a host of its own to the fetcher), then times, for several rounds, with politeness and
# robots.txt off: `pipeline fetch` (fetch and archive to disk), `fetch-bench` (the same fetcher, bodies
# dropped), `curl --parallel` with the bodies to /dev/null, and `curl --parallel` with each body
# written to a file of its own (curl-files). Prints pages per second of each and the ratios to curl.
#
# The comparison: `curl` to /dev/null is the cost of fetching alone, the figure the fetcher should
# reach. `pipeline fetch` also stores every page (a gzip-compressed WARC request and response with
# SHA-256 digests, a line of pages.ndjson naming the response record, state store rows), so
# curl-files, which writes each body to a file but pays for none of the rest, is the nearer like for like.
# -o puts the run folders elsewhere (-o /dev/shm keeps the disk out of the figures).
#
# -w runs rounds first that are not counted (default 1): the first run of each client pays for cold
# caches (its binary's pages, the generated pages, nginx's workers), which a median of three still
# felt. Each client's CPU time (user + system) is printed beside its rate: on a shared machine the
# rates swing with other load, and the CPU a client needs is steadier and shows where a gap comes from.
#
# Usage: scripts/bench-fetch.sh [-n PAGES] [-c CONCURRENCY] [-r ROUNDS] [-w WARMUP] [-H HOSTS] [-o DIR] [--no-build]
# PIPELINE_FETCH_FLAGS adds flags to `pipeline fetch` (for example --no-warc).
# PIPELINE_COMPARE names another `pipeline` binary (say the build before a change) timed in every
# round too, so that two builds are compared in the same time window.
# Needs root to install nginx when it is missing (Debian's nginx-light) and to run it.
set -euo pipefail
cd "$(dirname "$0")/.."

pages=2000
concurrency=16
rounds=3
warmup=1
hosts=4
build=1
out_parent=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) pages="$2"; shift 2 ;;
    -c) concurrency="$2"; shift 2 ;;
    -r) rounds="$2"; shift 2 ;;
    -w) warmup="$2"; shift 2 ;;
    -H) hosts="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -o) out_parent="$2"; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "bench-fetch: unknown argument '$1'; see --help." >&2; exit 2 ;;
  esac
done

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "bench-fetch: nginx is missing; install it as root: apt-get install -y nginx-light" >&2
    exit 2
  fi
  echo "bench-fetch: installing nginx-light" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

if [ "$build" -eq 1 ]; then
  scripts/install-deps.sh
  swift build -c release --product pipeline >&2
  swift build -c release --product fetch-bench >&2
fi
bin="$(swift build -c release --show-bin-path)"
pipeline="$bin/pipeline"
fetch_bench="$bin/fetch-bench"

work="$(mktemp -d /tmp/bench-fetch.XXXXXX)"
out="$(mktemp -d "${out_parent:-$work}/bench-fetch-out.XXXXXX")"
nginx_pid=""
cleanup() {
  # Stop only the nginx this script started, by the id it wrote.
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$work" "$out"
}
trap cleanup EXIT

# Pages: ~20 KB of HTML each, different text per page so that no two bodies are the same.
mkdir -p "$work/www" "$work/logs"
python3 - "$work/www" "$pages" <<'PY'
import sys
root, count = sys.argv[1], int(sys.argv[2])
words = "court ruling appeal statute council harbour treaty election budget river valley market".split()
for i in range(count):
    paragraphs = []
    size = 0
    n = 0
    while size < 19_500:
        text = " ".join(words[(i + n + k) % len(words)] for k in range(60))
        paragraph = f"<p>Paragraph {n} of page {i}: {text}.</p>\n"
        paragraphs.append(paragraph)
        size += len(paragraph)
        n += 1
    html = (f"<!doctype html><html><head><meta charset=utf-8><title>Page {i}</title></head>"
            f"<body><article><h1>Page {i}</h1>\n{''.join(paragraphs)}</article></body></html>\n")
    with open(f"{root}/page-{i}.html", "w") as f:
        f.write(html)
PY

# One nginx, one server block per port; ports picked from a free range above the ephemeral ones in use.
base_port=$(( 20000 + RANDOM % 20000 ))
servers=""
for ((h = 0; h < hosts; h++)); do
  servers+="    server { listen 127.0.0.1:$((base_port + h)); root $work/www; }"$'\n'
done
cat > "$work/nginx.conf" <<EOF
user root root;
worker_processes 2;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    keepalive_timeout 60s;
    default_type text/html;
$servers}
EOF
"$nginx_bin" -p "$work" -c "$work/nginx.conf"
for _ in $(seq 50); do [ -s "$work/nginx.pid" ] && break; sleep 0.1; done
nginx_pid="$(cat "$work/nginx.pid")"

# The same URL list for every client, hosts interleaved.
: > "$work/seeds.txt"
: > "$work/curl.cfg"
: > "$work/curl-files.cfg"
for ((i = 0; i < pages; i++)); do
  url="http://127.0.0.1:$((base_port + i % hosts))/page-$i.html"
  echo "$url" >> "$work/seeds.txt"
  printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >> "$work/curl.cfg"
  printf 'url = "%s"\noutput = "page-%d.html"\n' "$url" "$i" >> "$work/curl-files.cfg"
done
curl -sf -o /dev/null "http://127.0.0.1:$base_port/page-0.html" || {
  echo "bench-fetch: nginx does not answer; see $work/logs/error.log" >&2
  cat "$work/logs/error.log" >&2
  exit 1
}

now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.1f", n / (b - a) }'; }

# timed COMMAND...: runs the command and writes the CPU milliseconds (user + system) it took to
# $work/cpu; the command's own standard error still goes to the terminal.
timed() {
  local TIMEFORMAT='%U %S'
  { time "$@" 2>&3; } 3>&2 2> "$work/cpu.raw"
  awk '{ printf "%.0f", ($1 + $2) * 1000 }' "$work/cpu.raw" > "$work/cpu"
}

# Each run_ function prints the pages per second and the CPU milliseconds of one run.
run_pipeline() {
  local binary="${1:-$pipeline}"
  rm -rf "$out/run"
  local start end ok
  start=$(now)
  timed "$binary" fetch --seeds "$work/seeds.txt" --out "$out/run" --fetch-concurrency "$concurrency" \
    --no-politeness --no-robots --no-progress --log-level error ${PIPELINE_FETCH_FLAGS:-}
  end=$(now)
  ok=$(wc -l < "$out/run/fetch/pages.ndjson")
  [ "$ok" -eq "$pages" ] || { echo "bench-fetch: pipeline fetched $ok of $pages pages" >&2; exit 1; }
  echo "$(rate "$pages" "$start" "$end") $(cat "$work/cpu")"
}

run_fetcher() {
  timed "$fetch_bench" "$work/seeds.txt" "$concurrency" > "$work/fetch-bench.line"
  local line
  line=$(cat "$work/fetch-bench.line")
  case "$line" in
    "pages=$pages failures=0 "*) echo "${line##*pages_per_second=} $(cat "$work/cpu")" ;;
    *) echo "bench-fetch: fetch-bench: $line" >&2; exit 1 ;;
  esac
}

# run_curl CONFIG [FLAGS...]: curl.cfg sends the bodies to /dev/null; curl-files.cfg, with
# --output-dir, writes one file per body.
run_curl() {
  local config="$1" start end ok
  shift
  rm -rf "$out/curl"
  start=$(now)
  timed curl --parallel --parallel-max "$concurrency" --silent --no-progress-meter -w '%{http_code}\n' \
    -K "$work/$config" "$@" > "$work/curl.codes"
  end=$(now)
  ok=$(grep -c '^200$' "$work/curl.codes" || true)
  [ "$ok" -eq "$pages" ] || { echo "bench-fetch: curl fetched $ok of $pages pages" >&2; exit 1; }
  echo "$(rate "$pages" "$start" "$end") $(cat "$work/cpu")"
}

echo "pages=$pages concurrency=$concurrency hosts=$hosts rounds=$rounds warm-up=$warmup run folder under $(dirname "$out") (pages/s, CPU ms)"
compare="${PIPELINE_COMPARE:-}"
pipeline_rates=(); pipeline_cpus=()
compare_rates=(); compare_cpus=()
fetcher_rates=(); fetcher_cpus=()
curl_rates=(); curl_cpus=()
curl_file_rates=(); curl_file_cpus=()
for ((r = 1 - warmup; r <= rounds; r++)); do
  cp=""; cpc=""
  # Alternate who goes first, so that no client always meets a warmer machine.
  if (( (r + warmup) % 2 )); then
    read -r p pc <<< "$(run_pipeline)"
    if [ -n "$compare" ]; then read -r cp cpc <<< "$(run_pipeline "$compare")"; fi
    read -r f fc <<< "$(run_fetcher)"
    read -r c cc <<< "$(run_curl curl.cfg)"
    read -r cf cfc <<< "$(run_curl curl-files.cfg --create-dirs --output-dir "$out/curl")"
  else
    read -r cf cfc <<< "$(run_curl curl-files.cfg --create-dirs --output-dir "$out/curl")"
    read -r c cc <<< "$(run_curl curl.cfg)"
    read -r f fc <<< "$(run_fetcher)"
    if [ -n "$compare" ]; then read -r cp cpc <<< "$(run_pipeline "$compare")"; fi
    read -r p pc <<< "$(run_pipeline)"
  fi
  line="pipeline-fetch $p ($pc ms)"
  [ -n "$compare" ] && line+="  compared $cp ($cpc ms)"
  line+="  fetch-bench $f ($fc ms)  curl $c ($cc ms)  curl-files $cf ($cfc ms)"
  if (( r < 1 )); then
    echo "warm-up: $line"
    continue
  fi
  pipeline_rates+=("$p"); pipeline_cpus+=("$pc")
  compare_rates+=("${cp:-0}"); compare_cpus+=("${cpc:-0}")
  fetcher_rates+=("$f"); fetcher_cpus+=("$fc")
  curl_rates+=("$c"); curl_cpus+=("$cc")
  curl_file_rates+=("$cf"); curl_file_cpus+=("$cfc")
  echo "round $r: $line"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
pm=$(median "${pipeline_rates[@]}")
fm=$(median "${fetcher_rates[@]}")
cm=$(median "${curl_rates[@]}")
cfm=$(median "${curl_file_rates[@]}")
line="median: pipeline-fetch $pm ($(median "${pipeline_cpus[@]}") ms)"
[ -n "$compare" ] && line+="  compared $(median "${compare_rates[@]}") ($(median "${compare_cpus[@]}") ms)"
line+="  fetch-bench $fm ($(median "${fetcher_cpus[@]}") ms)  curl $cm ($(median "${curl_cpus[@]}") ms)"
line+="  curl-files $cfm ($(median "${curl_file_cpus[@]}") ms)"
echo "$line"
line="ratio to curl: pipeline-fetch $(ratio "$pm" "$cm")"
[ -n "$compare" ] && line+="  compared $(ratio "$(median "${compare_rates[@]}")" "$cm")"
echo "$line  fetch-bench $(ratio "$fm" "$cm")"
echo "ratio to curl-files: pipeline-fetch $(ratio "$pm" "$cfm")"

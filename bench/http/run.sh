#!/usr/bin/env bash
# Dashboard benchmark (issue 5): latency p50/p90/p99/max and requests/s of /api/overview and /api/usage at 50
# concurrent clients against `clawmetry serve` on a ~10k-session JSONL corpus. Not a test: it prints figures.
#
#   bench/http/run.sh [WORK_DIR]        (default WORK_DIR: /tmp/clawmetry-httpbench; never inside the repository)
#
# Environment:
#   SIZE_MB=200            corpus size passed to GenCorpus (about 10k sessions; generated once, reused)
#   SESSIONS=10000         sessions in the corpus
#   GENCORPUS=...          the generator (default: bench/GenCorpus.java, else /work/wt/perf/bench/GenCorpus.java)
#   JAR=...                the clawmetry jar (default: clawmetry-cli/target/clawmetry.jar, built if missing)
#   SERVER_JAVA_OPTS="..." JVM flags for the server (default: bin/clawmetry's flags)
#   CLIENTS=50 WARMUP=200 DURATION=20 MAX_REQUESTS=200000   passed to LoadBench (DURATION: seconds per route)
#   ROUTES="/api/overview /api/usage /api/usage?period=model"
#
# The server binds 127.0.0.1 on a free port (--port 0, the URL is read from its first line) and is stopped at the
# end (also on failure or Ctrl+C). Writes nothing into the repository or into the corpus.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${1:-/tmp/clawmetry-httpbench}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
case "$work/" in "$root"/*) echo "run.sh: WORK_DIR must be outside the repository" >&2; exit 2 ;; esac

size="${SIZE_MB:-200}"
sessions="${SESSIONS:-10000}"
jar="${JAR:-$root/clawmetry-cli/target/clawmetry.jar}"
server_opts="${SERVER_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xmx256m}"
routes="${ROUTES:-/api/overview /api/usage /api/usage?period=model}"
gen="${GENCORPUS:-}"
if [ -z "$gen" ]; then
  for g in "$root/bench/GenCorpus.java" /work/wt/perf/bench/GenCorpus.java; do
    [ -f "$g" ] && { gen="$g"; break; }
  done
fi

if [ ! -f "$jar" ]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -B -q -o -DskipTests package -pl clawmetry-cli -am) >&2
fi

corpus="$work/corpus-$size-$sessions"
if [ ! -f "$corpus/.complete" ]; then
  [ -n "$gen" ] || { echo "run.sh: GenCorpus.java not found; set GENCORPUS" >&2; exit 2; }
  rm -rf "$corpus"
  echo "generating $corpus with $gen ..." >&2
  java "$gen" "$corpus" "$size" "$sessions" >&2
  touch "$corpus/.complete"
fi
mb=$(du -sm --apparent-size "$corpus/agents" | cut -f1)
files=$(find "$corpus/agents" -type f -name '*.jsonl*' | wc -l)

log="$work/serve.log"
: > "$log"
# shellcheck disable=SC2086
java $server_opts -jar "$jar" serve --home "$corpus" --port 0 --bind 127.0.0.1 > "$log" 2>&1 &
server=$!
stop() {
  if kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
}
trap stop EXIT INT TERM

url=""
for _ in $(seq 600); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "run.sh: the server exited" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$log" >&2; echo "run.sh: no URL from the server after 60 s" >&2; exit 1; }

# the first request loads the corpus (scan of all transcripts): time it separately
first_start=$(date +%s.%N)
curl -sS --noproxy '*' --max-time 300 -o /dev/null -w '%{http_code}' "$url/api/overview" > "$work/first.txt"
first_end=$(date +%s.%N)
[ "$(cat "$work/first.txt")" = 200 ] || { cat "$log" >&2; echo "run.sh: first /api/overview failed" >&2; exit 1; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus:  $corpus ($mb MB of transcripts, $files files, $sessions sessions)"
echo "server:  java $server_opts -jar $(basename "$jar") serve --home CORPUS --port 0   ($url)"
echo "first /api/overview (cold load of the corpus): $(awk -v a="$first_start" -v b="$first_end" 'BEGIN{printf "%.2f", b-a}') s"
set -f
read -r -a route_args <<< "$routes"
set +f
java "$here/LoadBench.java" --url "$url" --clients "${CLIENTS:-50}" --warmup "${WARMUP:-200}" \
  --seconds "${DURATION:-20}" --max-requests "${MAX_REQUESTS:-200000}" "${route_args[@]}"
echo "server RSS at the end: $(awk '/VmRSS/{printf "%.0f MB", $2/1024}' "/proc/$server/status")"

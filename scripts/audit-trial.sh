#!/usr/bin/env bash
# The checker-soundness trial of the README: synthesize the reference run (every bundled app, 12 chains
# to level 6, seed 3) and the 8-chain runs on each foreign-style test site (test/sites/, through --url,
# level 3, seed 1), time each synthesis, replay every level (gold must still pass) and audit every level
# with every mutant kind. Prints one line per run: synthesis wall time, chains reaching the top level,
# replay pass rate, mutation score, and the survivors of no-submit and wrong-answer.
#
#   npm run audit-trial -- [OUT_DIR]        (default /tmp/trajsynth-audit-trial)
#   TRAJSYNTH_CLI=/path/to/main.js bash scripts/audit-trial.sh OUT   measures another build the same way
#   (TRAJSYNTH_AUDIT_CLI: a build to replay and audit with, when it is not the one that synthesized)
#   TRAJSYNTH_TRIAL_SITES=todo-hash,chat-room, TRAJSYNTH_TRIAL_BUNDLED=0: a part of it
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${1:-/tmp/trajsynth-audit-trial}
CLI=${TRAJSYNTH_CLI:-$ROOT/dist/src/cli/main.js}
AUDIT_CLI=${TRAJSYNTH_AUDIT_CLI:-$CLI}
SITES=${TRAJSYNTH_TRIAL_SITES:-$(ls test/sites)}
rm -rf "$OUT"
mkdir -p "$OUT"

summary() { # RUN_ID LABEL SYNTH_SECONDS TOP_LEVEL
  node -e '
    const fs = require("fs");
    const [dir, run, label, secs, top] = process.argv.slice(1);
    const base = `${dir}/trajectories/${run}`;
    const replay = JSON.parse(fs.readFileSync(`${base}/replay.json`, "utf8"));
    const audit = JSON.parse(fs.readFileSync(`${base}/audit.json`, "utf8"));
    const chains = fs.readdirSync(`${base}/chains`).map((id) => JSON.parse(fs.readFileSync(`${base}/chains/${id}/chain.json`, "utf8")));
    const reached = chains.filter((chain) => chain.subtasks.filter((s) => s.status === "accepted").length >= Number(top)).length;
    const pct = (score) => (score.score === undefined ? "n/a" : `${(score.score * 100).toFixed(1)}%`);
    const kind = (name) => audit.byKind[name] ?? { survived: 0, replayed: 0 };
    const levels = Object.entries(audit.byLevel).map(([level, score]) => `L${level} ${pct(score)}`).join(" ");
    console.log(`${label.padEnd(16)} synth ${secs}s  L${top} chains ${reached}/${chains.length}  tasks ${replay.total}  replay ${(replay.passRate * 100).toFixed(1)}%  mutation ${pct(audit.overall)} (${audit.overall.killed}/${audit.overall.replayed}, ${audit.overall.stuck} stuck)  no-submit survivors ${kind("no-submit").survived}  wrong-answer survivors ${kind("wrong-answer").survived}`);
    console.log(`${"".padEnd(16)} by level: ${levels}`);
    console.log(`${"".padEnd(16)} by kind: ${Object.entries(audit.byKind).map(([k, s]) => `${k} ${pct(s)} (${s.killed}/${s.replayed})`).join(", ")}`);
  ' "$OUT" "$1" "$2" "$3" "$4"
}

if [ "${TRAJSYNTH_TRIAL_BUNDLED:-1}" != 0 ]; then
  start=$(date +%s%N)
  node "$CLI" synth --env all --chains 12 --max-level 6 --seed 3 --out "$OUT" --quiet > "$OUT/bundled-synth.log" 2>&1
  tenths=$((($(date +%s%N) - start) / 100000000))
  secs="$((tenths / 10)).$((tenths % 10))"
  node "$AUDIT_CLI" replay all-seed3 --out "$OUT" --quiet > "$OUT/bundled-replay.log" 2>&1
  node "$AUDIT_CLI" audit all-seed3 --out "$OUT" --quiet > "$OUT/bundled-audit.log" 2>&1
  summary all-seed3 bundled "$secs" 6
fi

for site in ${SITES//,/ }; do
  [ -f "test/sites/$site/index.html" ] || continue
  node dist/scripts/serve-site.js "$site" > "$OUT/$site-server.log" 2>&1 &
  server=$!
  for _ in $(seq 50); do grep -q "http://" "$OUT/$site-server.log" 2>/dev/null && break; sleep 0.1; done
  url=$(grep -o 'http://[^ ]*' "$OUT/$site-server.log" | head -1)
  start=$(date +%s%N)
  node "$CLI" synth --url "$url" --chains 8 --max-level 3 --seed 1 --run "$site" --out "$OUT" --quiet > "$OUT/$site-synth.log" 2>&1 || true
  tenths=$((($(date +%s%N) - start) / 100000000))
  secs="$((tenths / 10)).$((tenths % 10))"
  node "$AUDIT_CLI" replay "$site" --out "$OUT" --quiet > "$OUT/$site-replay.log" 2>&1 || true
  node "$AUDIT_CLI" audit "$site" --out "$OUT" --quiet > "$OUT/$site-audit.log" 2>&1 || true
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  summary "$site" "$site" "$secs" 3 || echo "$site: no result (see $OUT/$site-*.log)"
done

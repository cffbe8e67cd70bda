#!/usr/bin/env bash
# The full-size trial of synthesis aimed at an agent's frontier (issue 15's "done when"): a uniform
# run of CHAINS chains, a calibration evaluation of noisy-gold weak on forms, its frontier, an aimed
# run of the same size, and both sets compared on fresh episodes against an agent weak on toggles.
# Prints every table and fails unless the aimed set has at least twice the uniform set's share of
# form subtasks, a larger share of tasks in 0.2-0.8 and a higher separation of the two agents.
#   npm run frontier-trial [-- OUT_DIR [CHAINS]]      (default: a temp dir, 24 chains; ~30 min on 2 cores)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$(mktemp -d -t trajsynth-frontier-XXXX)}"
CHAINS="${2:-24}"
CLI=(node "$ROOT/dist/src/cli/main.js")
WEAK='noisy-gold:0.02,form=0.4'
OTHER='noisy-gold:0.02,toggle=0.4'
mkdir -p "$OUT"
cd "$OUT"
echo "frontier trial in $OUT ($CHAINS chains per set)"
# step PATTERN ARGS...: runs `trajsynth ARGS` (its whole output kept in <n>.log) and prints the lines
# matching PATTERN ('.' for all) and how long it took.
n=0
step() {
  local pattern="$1"; shift
  n=$((n + 1)); echo; echo "\$ trajsynth $*"
  local started=$SECONDS
  "${CLI[@]}" "$@" > "step$n.log" 2>&1 || { cat "step$n.log"; exit 1; }
  grep -E "$pattern" "step$n.log" || true
  echo "($((SECONDS - started)) s)"
}
step 'Run |interactions|level-k tasks' synth --env all --chains "$CHAINS" --max-level 4 --seed 1 --run uniform --quiet --resume
step 'Evaluation|by level' eval uniform --agent "$WEAK" --episodes 2 --run calibration --quiet --resume
step '.' frontier calibration
"${CLI[@]}" frontier calibration --json > frontier.json
step 'Run |interactions|level-k tasks|aimed at|band' synth --env all --chains "$CHAINS" --seed 1 --run aimed --target-eval calibration --keep-band 0.2-0.8 --quiet --resume
step '.' compare-sets uniform aimed --agent "$WEAK" --agent "$OTHER" --episodes 2 --quiet
"${CLI[@]}" compare-sets uniform aimed --agent "$WEAK" --agent "$OTHER" --episodes 2 --quiet --json > compare.json
node - "$OUT" <<'JS'
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const out = process.argv[2];
const formShare = (run) => {
  const kinds = [];
  for (const chain of readdirSync(join(out, 'trajectories', run, 'chains'))) {
    const record = JSON.parse(readFileSync(join(out, 'trajectories', run, 'chains', chain, 'chain.json'), 'utf8'));
    for (const subtask of record.subtasks) if (subtask.status === 'accepted') kinds.push(subtask.interaction);
  }
  return kinds.filter((kind) => kind === 'form').length / kinds.length;
};
const frontier = JSON.parse(readFileSync(join(out, 'frontier.json'), 'utf8'));
const [uniform, aimed] = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8')).sets;
// noisy-gold's given per-step slip rates (form 0.4, every other kind 0.02) against the estimates from its episodes.
const given = (kind) => (kind === 'form' ? 0.4 : 0.02);
const slips = frontier.byKind.filter((kind) => kind.slip);
console.log('');
console.log('per-step slip by kind: given, estimated [95% interval], subtasks observed');
for (const kind of slips) {
  const { estimate, interval } = kind.slip;
  console.log(`  ${kind.key.padEnd(12)} ${given(kind.key).toFixed(2)}  ${estimate.toFixed(3)} [${interval.low.toFixed(3)}-${interval.high.toFixed(3)}]  n=${kind.subtasks}`);
}
const form = slips.find((kind) => kind.key === 'form');
const covered = slips.filter((kind) => kind.slip.interval.low <= given(kind.key) && given(kind.key) <= kind.slip.interval.high);
const checks = [
  ['frontier names form as weak', frontier.weakKinds.includes('form')],
  [`form's given slip rate 0.4 lies in its interval [${form?.slip.interval.low.toFixed(3)}-${form?.slip.interval.high.toFixed(3)}]`, !!form && form.slip.interval.low <= 0.4 && 0.4 <= form.slip.interval.high],
  [`given rates in their intervals for ${covered.length} of ${slips.length} kinds (95% intervals: expect about 1 in 20 to miss)`, covered.length >= slips.length - 1],
  [`form share of accepted subtasks ${formShare('aimed').toFixed(2)} >= 2 x ${formShare('uniform').toFixed(2)}`, formShare('aimed') >= 2 * formShare('uniform')],
  [`tasks in 0.2-0.8 for ${uniform.agents[0].agent}: ${aimed.agents[0].shareInBand.toFixed(2)} > ${uniform.agents[0].shareInBand.toFixed(2)}`, aimed.agents[0].shareInBand > uniform.agents[0].shareInBand],
  [`separation ${aimed.separation.separation.toFixed(1)} SE > ${uniform.separation.separation.toFixed(1)} SE`, aimed.separation.separation > uniform.separation.separation],
];
console.log('');
for (const [what, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
JS

#!/usr/bin/env bash
# `npm run lint:api`: openapi.json against the NL API Design Rules, with the Spectral ruleset Logius publishes.
# Fails on any error; on success prints one line with the counts. Uses the shared ruleset when it is there
# (../shared/data/adr/spectral.yml), else the copy in docs/adr/spectral.yml.
set -euo pipefail
cd "$(dirname "$0")/.."

shared=../shared/data/adr/spectral.yml
copy=docs/adr/spectral.yml
ruleset=$copy
if [ -f "$shared" ]; then
  ruleset=$shared
  # The copy is the shared file below a 5-line header.
  tail -n +6 "$copy" | cmp -s - "$shared" || echo "note: $copy differs from $shared: refresh the copy"
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
node_modules/.bin/spectral lint openapi.json -r "$ruleset" -f json -o "$out" -q --fail-severity error || status=$?

node - "$out" "$ruleset" "$status" <<'EOF'
const [file, ruleset, status] = process.argv.slice(2);
let results;
try {
  results = JSON.parse(require('node:fs').readFileSync(file, 'utf8') || '[]');
} catch {
  console.error(`lint:api: spectral gave no results (exit ${status})`);
  process.exit(1);
}
const errors = results.filter((r) => r.severity === 0);
const warnings = results.filter((r) => r.severity === 1).length;
for (const e of errors.slice(0, 40)) console.error(`  ${e.code}  ${e.path.join('.')}  ${e.message}`);
if (errors.length > 40) console.error(`  ... and ${errors.length - 40} more`);
console.log(`openapi.json: ${errors.length} errors, ${warnings} warnings (NL API Design Rules, ${ruleset})`);
if (status !== '0' && !errors.length) console.error(`lint:api: spectral exited with ${status}`);
if (errors.length || status !== '0') process.exit(1);
EOF

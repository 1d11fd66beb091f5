#!/usr/bin/env bash
# The Quick start test command: lint, type-check, migration drift, OpenAPI diff, unit and e2e tests
# against the real PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
export NODE_ENV=test
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/buysocial_test}"
export TEST_REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379/1}"

step() { echo; echo "==> $1"; }
ensure_dependencies
ensure_system_packages
step "services"
DATABASE_URL="$TEST_DATABASE_URL" REDIS_URL="$TEST_REDIS_URL" ts_node scripts/check-services.ts
step "lint"
npm run --silent lint
step "type-check"
npm run --silent typecheck
step "migrations: apply to the test database, then check entities and migrations agree"
DATABASE_URL="$TEST_DATABASE_URL" npm run --silent migration:run
DATABASE_URL="$TEST_DATABASE_URL" npm run --silent migration:check
step "OpenAPI document matches the code"
npm run --silent openapi:check
step "NL API Design Rules: the official Spectral ruleset on openapi.json (0 errors)"
npm run --silent lint:api
step "unit tests"
npx jest --config jest.config.js --selectProjects unit
step "e2e tests (real PostgreSQL, Redis, BullMQ)"
# No --forceExit: every spec closes what it opens (apps, Redis clients, child processes), so Jest exits by itself.
npx jest --config jest.config.js --selectProjects e2e --runInBand
echo; echo "all checks passed"

#!/usr/bin/env bash
# The Quick start run command: install, build, migrate, seed, then api + worker (+ web) until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
load_dotenv
export NODE_ENV="${NODE_ENV:-development}"
# One readable line per log event here; the production commands (start:api, start:worker) keep JSON.
export LOG_FORMAT="${LOG_FORMAT:-pretty}"

ensure_dependencies
echo "==> checking PostgreSQL and Redis"
ts_node scripts/check-services.ts
echo "==> building api, worker and web app"
npm run --silent build >/dev/null
echo "==> migrating the database"
npm run --silent migration:run
echo "==> loading demo data"
seed_out="$(mktemp)"
npm run --silent seed >"$seed_out"
head -1 "$seed_out"

pids=()
cleanup() {
  trap - INT TERM EXIT
  rm -f "$seed_out"
  echo; echo "==> stopping"
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

# Email: without an SMTP_URL of its own, a local mail catcher (maildev) on free ports takes the worker's mail.
free_port() {
  local p="$1"
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}
mail_line=""
if [ -z "${SMTP_URL:-}" ]; then
  smtp_port="$(free_port 1025)"
  mail_web_port="$(free_port 1080)"
  node_modules/.bin/maildev --smtp "$smtp_port" --web "$mail_web_port" --ip 127.0.0.1 --web-ip 127.0.0.1 \
    --max-emails 2000 >/dev/null 2>&1 &
  pids+=($!)
  export SMTP_URL="smtp://127.0.0.1:${smtp_port}"
  echo "==> mail: http://localhost:${mail_web_port} (maildev catches the mail; SMTP on port ${smtp_port})"
  mail_line="    mail      http://localhost:${mail_web_port}"
fi
export PUBLIC_URL="${PUBLIC_URL:-http://localhost:${PORT:-3000}}"

# A larger young generation for the scorer's short-lived objects (matching: about 20 % less time per pair).
node --max-semi-space-size=128 dist/apps/worker/apps/worker/src/main.js &
pids+=($!)
node dist/apps/api/apps/api/src/main.js &
pids+=($!)

port="${PORT:-3000}"
for _ in $(seq 1 60); do
  if curl -fs "http://localhost:${port}/health" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
# Let the start-up lines of both processes through first, so the URLs and logins are the last thing printed.
sleep 2
tail -n +2 "$seed_out"
cat <<MSG

  Buy Social Marketplace is running.
    web app   http://localhost:${port}/
    API docs  http://localhost:${port}/api/docs
    health    http://localhost:${port}/health
${mail_line}
  Press Ctrl-C to stop.

MSG
wait -n "${pids[@]}"

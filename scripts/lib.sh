# Shared by start.sh and test.sh.
ensure_dependencies() {
  # Install when node_modules is missing or older than the lockfile (a fresh clone, or a pull that changed it).
  if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "==> installing dependencies (npm install with the committed lockfile)"
    local t0=$(date +%s)
    npm install --no-audit --no-fund --loglevel=error
    echo "    installed in $(( $(date +%s) - t0 )) s"
  fi
}

ts_node() {
  node -r ts-node/register/transpile-only -r tsconfig-paths/register "$@"
}

load_dotenv() {
  if [ -f .env ]; then set -a; . ./.env; set +a; fi
}

# Debian packages the tests use (Chromium for browser tests, poppler-utils to read generated PDFs); installed once.
ensure_system_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> installing ${missing[*]} (apt)"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
  fi
}

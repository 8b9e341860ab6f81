#!/usr/bin/env bash
# The external-authority tests (Security/ExternalAuthorityTests) start tests/oidc-provider (panva's oidc-provider on
# Node.js) in a process of its own: installs its packages from the lock file where they are missing or stale.
# At most 5 minutes; on failure it says why and exits 1 (those tests then fail and say how to install).
set -uo pipefail
dir=$(cd "$(dirname "$0")/oidc-provider" && pwd)
stamp="$dir/node_modules/.package-lock.json"
if [ -f "$stamp" ] && [ "$stamp" -nt "$dir/package-lock.json" ]; then exit 0; fi
command -v npm >/dev/null || { echo "npm is missing: the external-authority tests need Node.js 20+ and npm" >&2; exit 1; }
echo "installing the test OpenID provider's packages (npm ci in tests/oidc-provider)" >&2
(cd "$dir" && timeout 300 npm ci --no-audit --no-fund --loglevel=error >&2) ||
  { echo "npm ci in tests/oidc-provider failed or took over 5 minutes: the external-authority tests will fail" >&2; exit 1; }

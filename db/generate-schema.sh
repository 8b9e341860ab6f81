#!/usr/bin/env bash
# Regenerates db/schema.mysql.sql, the idempotent schema script of the MySQL/MariaDB migrations. A test fails
# when the committed script is stale, so run this after adding a migration.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent --project src/Cooperative.Api --context MySqlCooperativeDbContext \
  --output db/schema.mysql.sql

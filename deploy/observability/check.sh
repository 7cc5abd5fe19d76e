#!/usr/bin/env bash
# Checks the Prometheus assets of deploy/observability (O1): the configuration, the rule files and
# the rules' unit tests (rules/tests/*.yml). Exits non-zero when any of them fails. Runs from any
# directory. The dashboards are checked by the system tests (ObservabilityAssetsTest parses them;
# a system IT compares every metric they query with what the running services export).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if ! command -v promtool >/dev/null 2>&1; then
  echo "promtool was not found. It comes with Prometheus: 'sudo apt-get install prometheus' on" >&2
  echo "Debian/Ubuntu, or the promtool binary of a release from prometheus.io/download." >&2
  exit 2
fi

echo "== promtool check config prometheus.yml"
# Warnings that .mercado/prometheus/<service>.json does not exist are expected: those files only
# list the extra instances of `./mercado up --scale` (see prometheus.yml).
promtool check config prometheus.yml

echo "== promtool check rules rules/*.yml"
promtool check rules rules/*.yml

echo "== promtool test rules rules/tests/*.yml"
promtool test rules rules/tests/*.yml

echo "All Prometheus checks passed."

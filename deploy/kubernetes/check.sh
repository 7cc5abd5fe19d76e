#!/usr/bin/env bash
# Renders every overlay offline with kubectl's kustomize (CI runs it: .ci/run) and counts the
# objects of each; a manifest kustomize cannot build fails the run. No cluster is needed or used.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v kubectl >/dev/null 2>&1 || { echo "kubectl not found: the manifests were not rendered" >&2; exit 1; }
for overlay in overlays/*/; do
  rendered=$(kubectl kustomize "$overlay")
  echo "$(basename "$overlay"): $(grep -c '^kind:' <<<"$rendered") objects"
done

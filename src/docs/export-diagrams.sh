#!/usr/bin/env bash
# Exports the diagrams of bpmn/ into docs/processes/ (run after changing a model; ProcessPagesTest
# says when one is stale). Needs Node.js and Chromium (the build installs Chromium for the browser tests).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
node export-diagrams.mjs

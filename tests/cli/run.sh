#!/usr/bin/env bash
# CLI tests: run by ctest as `run.sh UXCX_BINARY SOURCE_DIR`. (Filled in with the uxcx tool.)
set -euo pipefail
"$1" --help >/dev/null 2>&1 || true

#!/usr/bin/env bash
# Formats the Swift sources with swift-format (configuration: .swift-format).
# With --check, fails when a file is not formatted (used by .ci/run) instead of rewriting it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--check" ]]; then
    swift format lint --strict --recursive Package.swift Sources Tests
else
    swift format format --in-place --recursive Package.swift Sources Tests
fi

#!/usr/bin/env bash
# Whole-process benchmark of the CLI (release build): wall time and peak RSS
# of `forbund generate` on samples/stockholm.json, as a user runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for run in 1 2 3; do
  /usr/bin/time -f "all documents, all formats: %e s wall, %M KB peak RSS" \
    target/release/forbund generate samples/stockholm.json -o "$out/all-$run" >/dev/null
done
for run in 1 2 3; do
  /usr/bin/time -f "förbundsordning PDF alone: %e s wall, %M KB peak RSS" \
    target/release/forbund generate samples/stockholm.json --doc forbundsordning --format pdf -o "$out/fo-$run" >/dev/null
done

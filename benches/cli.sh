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
folder="$out/tusen"
mkdir -p "$folder"
for i in $(seq -w 1 1000); do
  case $((10#$i % 3)) in
    0) cp samples/reference/stockholm-forbundsordning.md "$folder/s$i.md" ;;
    1) cp samples/reference/haninge-forbundsordning.md "$folder/h$i.md" ;;
    2) cp samples/reference/husam-forbundsordning.md "$folder/u$i.md" ;;
  esac
done
/usr/bin/time -f "check of 1000 förbundsordningar: %e s wall, %M KB peak RSS" \
  target/release/forbund check "$folder" >/dev/null || true

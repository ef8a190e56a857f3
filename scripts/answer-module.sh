#!/usr/bin/env sh
# Trunk post_build hook (Trunk.toml): builds the answer module (src/bin/answer.rs)
# for wasm32 as Trunk builds the app (release, wasm-bindgen, wasm-opt -Oz) into the
# staging directory as answer.js and answer_bg.wasm.
set -eu
out="${TRUNK_STAGING_DIR:?run from a Trunk hook}"
target="${CARGO_TARGET_DIR:-target}"
cargo build --quiet --locked --release --target wasm32-unknown-unknown --bin answer
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name answer \
  "$target/wasm32-unknown-unknown/release/answer.wasm"
if command -v wasm-opt >/dev/null; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/answer_bg.wasm" -o "$out/answer_bg.wasm"
else
  echo "answer-module: no wasm-opt on PATH: answer_bg.wasm left unoptimised" >&2
fi

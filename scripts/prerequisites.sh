#!/usr/bin/env bash
# Installs what building Poseidon needs on a fresh Debian/Ubuntu machine, skipping what
# is already there: protoc, clang/libclang (for bindgen), the Rust toolchain components
# and Wasm target of rust-toolchain.toml, and Node.js/npm and Chromium for the end-to-end
# tests.
# Sourced by the scripts that build, after scripts/common.sh; safe to run again.
set -euo pipefail

need_apt=()
command -v protoc >/dev/null 2>&1 || need_apt+=(protobuf-compiler)
command -v clang >/dev/null 2>&1 || need_apt+=(clang)
ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 || need_apt+=(libclang-dev)
command -v make >/dev/null 2>&1 || need_apt+=(make)
# The system OpenSSL for openssl-sys (scripts/common.sh sets OPENSSL_NO_VENDOR): building
# the vendored copy took five minutes of a cold build.
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
[[ -e /usr/include/openssl/ssl.h ]] || need_apt+=(libssl-dev)
if [[ "${POSEIDON_NEED_NODEJS:-0}" == 1 ]] && ! command -v npm >/dev/null 2>&1; then
	need_apt+=(nodejs npm)
fi
# The dashboard's end-to-end test drives the distribution's Chromium (no browser download).
if [[ "${POSEIDON_NEED_NODEJS:-0}" == 1 ]] && ! command -v chromium >/dev/null 2>&1; then
	need_apt+=(chromium)
fi

if ((${#need_apt[@]})); then
	echo "==> installing ${need_apt[*]}"
	sudo_cmd=()
	[[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
	export DEBIAN_FRONTEND=noninteractive
	"${sudo_cmd[@]}" apt-get update -qq
	"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [[ "${POSEIDON_NEED_NODEJS:-0}" == 1 ]]; then
	# 20.19: the dashboard's build tool (Vite 7) needs it
	node_version="$(node -p 'const [a, b] = process.versions.node.split(".").map(Number); a * 1000 + b' 2>/dev/null || echo 0)"
	if ((node_version < 20019)); then
		echo "error: the end-to-end tests and the dashboard need Node.js 20.19 or newer (found: $(node --version 2>/dev/null || echo none))." >&2
		echo "       This distribution's nodejs package is older; install Node.js 20+ first," >&2
		echo "       e.g. 'nvm install 20' (https://github.com/nvm-sh/nvm) or NodeSource's packages." >&2
		exit 1
	fi
fi

if ! command -v cargo >/dev/null 2>&1; then
	echo "error: cargo is missing; install Rust with rustup (https://rustup.rs) first" >&2
	exit 1
fi

# rustup reads rust-toolchain.toml and installs the listed components and targets the
# first time cargo runs in the repository; do it explicitly so a failure shows here.
prerequisites_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$prerequisites_root" && { rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install; })
(cd "$prerequisites_root" && rustup target add wasm32v1-none >/dev/null 2>&1 && rustup component add rust-src >/dev/null 2>&1) || {
	echo "error: could not add the wasm32v1-none target and rust-src component" >&2
	exit 1
}

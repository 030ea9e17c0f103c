//! The Poseidon runtime as the next release would ship it: the same code with
//! `spec_version` one higher (the runtime's `spec-version-next` feature), built only to
//! Wasm. The end-to-end test `tests/e2e/test/runtime-upgrade.test.js` enacts it on a
//! running dev chain through a referendum on the root track, as a real upgrade is
//! enacted, and checks that the chain keeps producing and that the storage migrations
//! in `poseidon_runtime::Migrations` ran.
//!
//! The native build of this crate holds only the path of that Wasm
//! ([`WASM_BINARY_PATH`]); it never links the runtime, so the node and the tests keep
//! the runtime's real version.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(target_arch = "wasm32")]
pub use poseidon_runtime::*;

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

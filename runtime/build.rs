//! Builds the runtime to Wasm (target `wasm32v1-none`) and, with the `metadata-hash`
//! feature, embeds the metadata hash that `CheckMetadataHash` signers verify against.
//!
//! The Wasm is built with the workspace's `Cargo.lock`, so it uses exactly the pinned
//! versions: the builder is told where the workspace is, because it otherwise searches
//! for the lock file upwards from the target directory, which is outside the repository
//! by default (`~/.cache/poseidon-target`). The hint is set for this build script only:
//! other Wasm-building dependencies keep their own resolution.

#[cfg(feature = "std")]
fn point_the_wasm_builder_at_the_workspace() {
	// Read when the script runs, not when it is compiled: cargo reuses a compiled build
	// script across checkouts of the same workspace (a fresh CI clone, say), so a path
	// fixed at compile time would name a checkout that may no longer exist.
	let runtime_dir = std::path::PathBuf::from(
		std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR for build scripts; qed"),
	);
	let workspace = runtime_dir.parent().expect("the runtime is a workspace member; qed");
	std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	point_the_wasm_builder_at_the_workspace();
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	point_the_wasm_builder_at_the_workspace();
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash(
			poseidon_primitives_symbol::QQQ_SYMBOL,
			poseidon_primitives_symbol::TOKEN_DECIMALS,
		)
		.build();
}

/// The token the metadata hash describes fees in. Repeated here because a build script
/// cannot depend on the no_std primitives crate without compiling it twice.
#[cfg(all(feature = "std", feature = "metadata-hash"))]
mod poseidon_primitives_symbol {
	pub const QQQ_SYMBOL: &str = "QQQ";
	pub const TOKEN_DECIMALS: u8 = 12;
}

/// The Wasm build is skipped for the runtime compiled into the Wasm itself.
#[cfg(not(feature = "std"))]
fn main() {}

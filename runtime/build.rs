//! Builds the runtime to Wasm (target `wasm32v1-none`) and, with the `metadata-hash`
//! feature, embeds the metadata hash that `CheckMetadataHash` signers verify against.

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
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

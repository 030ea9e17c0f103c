//! Chain specifications, built from the runtime's genesis presets.

use poseidon_runtime::{QAS_SYMBOL, QQQ_SYMBOL, TOKEN_DECIMALS, WASM_BINARY};
use sc_service::{ChainType, Properties};

/// A chain specification of this node's runtime.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What wallets read to display amounts and addresses: two tokens, QQQ (native) first.
pub fn chain_properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), serde_json::json!([QQQ_SYMBOL, QAS_SYMBOL]));
	properties.insert("tokenDecimals".into(), serde_json::json!([TOKEN_DECIMALS, TOKEN_DECIMALS]));
	properties.insert(
		"ss58Format".into(),
		serde_json::json!(poseidon_runtime::configs::system::SS58Prefix::get()),
	);
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime Wasm is not available: build without SKIP_WASM_BUILD.".to_string()
	})
}

/// A chain spec whose genesis is the runtime's preset `preset`.
fn from_preset(name: &str, id: &str, chain_type: ChainType, preset: &str) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_protocol_id("poseidon")
		.with_genesis_config_preset_name(preset)
		.with_properties(chain_properties())
		.build())
}

/// `--dev`: a single validator, Alice.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Poseidon Development",
		"poseidon_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// `--chain local`: four validators, Alice, Bob, Charlie and Dave.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Poseidon Local Testnet",
		"poseidon_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// `--chain production`: the template of a real network (no sudo, one-day eras, the SPEC's
/// supply), whose accounts and session keys are placeholders to replace before launch.
pub fn production_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Poseidon",
		"poseidon",
		ChainType::Live,
		poseidon_runtime::genesis_config_presets::PRODUCTION_RUNTIME_PRESET,
	)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn properties_announce_qqq_then_qas_with_12_decimals_and_the_runtime_prefix() {
		let properties = chain_properties();
		assert_eq!(properties["tokenSymbol"], serde_json::json!(["QQQ", "QAS"]));
		assert_eq!(properties["tokenDecimals"], serde_json::json!([12, 12]));
		assert_eq!(properties["ss58Format"], serde_json::json!(42));
	}

	/// Building the raw spec runs the presets through the Wasm runtime's genesis builder,
	/// as `--dev`, `--chain local` and `--chain production` do at startup.
	#[test]
	fn dev_local_and_production_specs_build_their_genesis_in_the_wasm_runtime() {
		assert!(
			WASM_BINARY.is_some(),
			"the node was built with SKIP_WASM_BUILD: this test needs the Wasm runtime (scripts/test.sh builds it)"
		);
		for (spec, id) in [
			(development_chain_spec().unwrap(), "poseidon_dev"),
			(local_chain_spec().unwrap(), "poseidon_local"),
			(production_chain_spec().unwrap(), "poseidon"),
		] {
			assert_eq!(spec.id(), id);
			let raw = spec.as_json(true).expect("the preset builds a genesis state");
			let json: serde_json::Value = serde_json::from_str(&raw).unwrap();
			let top = json["genesis"]["raw"]["top"].as_object().expect("raw genesis storage");
			assert!(top.len() > 20, "{id}: genesis storage has {} keys", top.len());
			assert_eq!(json["properties"]["tokenSymbol"], serde_json::json!(["QQQ", "QAS"]));
		}
	}
}

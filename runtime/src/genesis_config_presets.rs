//! Genesis presets: the starting state of each chain the node knows.
//!
//! - `development` (`--dev`): one validator (Alice), sudo Alice;
//! - `local_testnet` (`--chain local`): four validators (Alice, Bob, Charlie, Dave) on
//!   one machine, sudo Alice.
//!
//! Both endow the well-known dev accounts (Alice … Ferdie and their `//stash` accounts)
//! with QQQ and QAS, and set the company treasury account, which is endowed so it can
//! receive fees of any size (as are the depositor and supernode pool accounts).
//!
//! Eras last [`DEV_ERA_LENGTH`] blocks, so an era passes in a minute, the validators
//! stand in as the supernodes that may reject proofs until supernodes are elected, and
//! the deposit plans last 3, 9 and 18 eras.

use crate::{
	configs::{
		deposits::DEV_GENESIS_PLANS,
		revenue::SupernodePoolAccount,
		treasury::TreasuryPalletId,
	},
	AccountId, BalancesConfig, BlockNumber, CompanyTreasuryConfig, DepositsConfig,
	ProofOfResourceConfig, QasBalancesConfig, RevenueConfig, RuntimeGenesisConfig, SudoConfig, QAS, QQQ,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::traits::AccountIdConversion;

/// QQQ each dev account starts with.
pub const DEV_ENDOWMENT_QQQ: crate::Balance = 1_000_000 * QQQ;
/// QAS each dev account starts with.
pub const DEV_ENDOWMENT_QAS: crate::Balance = 1_000_000 * QAS;
/// QQQ the treasury account starts with: enough to exist, so a fee share smaller than
/// the existential deposit can still be paid into it.
pub const TREASURY_ENDOWMENT_QQQ: crate::Balance = QQQ;

/// Era length of the dev and local chains: ten 6-second blocks, one minute.
pub const DEV_ERA_LENGTH: BlockNumber = 10;

/// The company account of the dev and local chains: the keyless treasury account, which
/// governance (sudo on these chains) can replace with a company account.
pub fn dev_treasury_account() -> AccountId {
	TreasuryPalletId::get().into_account_truncating()
}

/// A validator's consensus keys, derived from a dev keyring name.
fn authority_keys(name: Sr25519Keyring) -> (AuraId, GrandpaId) {
	let grandpa = Ed25519Keyring::iter()
		.find(|k| k.to_seed() == name.to_seed())
		.expect("every sr25519 dev name is an ed25519 dev name; qed");
	(name.public().into(), grandpa.public().into())
}

/// The genesis of a dev-style chain: `validators` produce and finalize blocks, `sudo`
/// holds the sudo key, every dev account is endowed with both tokens.
fn dev_style_genesis(validators: Vec<Sr25519Keyring>, sudo: AccountId) -> Value {
	// Alice … Ferdie and their `//stash` accounts.
	let endowed: Vec<AccountId> = Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect();
	let treasury = dev_treasury_account();
	let supernodes: Vec<AccountId> = validators.iter().map(|k| k.to_account_id()).collect();
	let (aura, grandpa): (Vec<AuraId>, Vec<GrandpaId>) =
		validators.into_iter().map(authority_keys).unzip();

	let mut qqq: Vec<(AccountId, crate::Balance)> =
		endowed.iter().cloned().map(|a| (a, DEV_ENDOWMENT_QQQ)).collect();
	let depositor_pool = pallet_deposits::Pallet::<crate::Runtime>::pool_account();
	for account in [treasury.clone(), depositor_pool, SupernodePoolAccount::get()] {
		qqq.push((account, TREASURY_ENDOWMENT_QQQ));
	}
	let qas: Vec<(AccountId, crate::Balance)> =
		endowed.into_iter().map(|a| (a, DEV_ENDOWMENT_QAS)).collect();

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: qqq },
		qas_balances: QasBalancesConfig { balances: qas },
		aura: pallet_aura::GenesisConfig { authorities: aura },
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: grandpa.into_iter().map(|id| (id, 1)).collect(),
		},
		company_treasury: CompanyTreasuryConfig { treasury_account: Some(treasury) },
		proof_of_resource: ProofOfResourceConfig {
			era_length: DEV_ERA_LENGTH,
			resource_weights: Default::default(),
			supernodes,
		},
		revenue: RevenueConfig { split: Default::default() },
		deposits: DepositsConfig { plans: DEV_GENESIS_PLANS.to_vec() },
		sudo: SudoConfig { key: Some(sudo) },
	})
}

/// `--dev`: Alice alone produces and finalizes blocks.
pub fn development_config_genesis() -> Value {
	dev_style_genesis(vec![Sr25519Keyring::Alice], Sr25519Keyring::Alice.to_account_id())
}

/// `--chain local`: Alice, Bob, Charlie and Dave validate.
pub fn local_testnet_genesis() -> Value {
	dev_style_genesis(
		vec![
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		],
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON patch of the preset `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work; qed")
			.into_bytes(),
	)
}

/// The presets this runtime provides.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}

//! Genesis presets: the starting state of each chain the node knows.
//!
//! - `development` (`--dev`): one validator (Alice), sudo Alice;
//! - `local_testnet` (`--chain local`): four validators (Alice, Bob, Charlie, Dave) on
//!   one machine, sudo Alice;
//! - `production` (`--chain production`): the template of a real network's genesis, with
//!   no sudo key, one-day eras and the referendum periods of a real network (see
//!   [`production_template_genesis`]).
//!
//! The first two endow the well-known dev accounts (Alice … Ferdie and their `//stash` accounts)
//! with QQQ and QAS, and set the company treasury account, which is endowed so it can
//! receive fees of any size (as are the revenue pot and the depositor and supernode pool
//! accounts).
//!
//! Eras (and sessions) last [`DEV_ERA_LENGTH`] blocks, so an era passes in a minute (in the
//! `fast-runtime` build);
//! supernode terms last three eras; the deposit plans last 3, 9 and 18 eras. The
//! referendum periods are not in any preset: they are compiled into the runtime, short
//! in the dev node's `fast-runtime` build (a referendum passes in minutes) and real in a
//! release build (see [`crate::FAST_RUNTIME`]).
//!
//! The validators are also genesis miners (their nodes' miner agents prove work, so they
//! stay eligible like any candidate) and the genesis supernode candidates, each voted for
//! by its `//stash` account (Alice's with the most QAS, Dave's with the least) on the
//! dev chains and by the company on a production chain, so the genesis election makes
//! them the supernodes and the validator set stays theirs until QAS holders vote
//! otherwise: a sitting supernode loses its seat only to a candidate with more backing
//! from others (docs/security.md, attack 9).

use crate::{
	configs::{
		deposits::{DEV_GENESIS_PLANS, PRODUCTION_GENESIS_PLANS},
		supernodes::{DEV_TERM_LENGTH, MAX_RUNNERS_UP, PRODUCTION_TERM_LENGTH},
		treasury::TreasuryPalletId,
	},
	opaque::SessionKeys,
	AccountId, Balance, BalancesConfig, BlockNumber, CompanyTreasuryConfig, DepositsConfig,
	ProofOfResourceConfig, QasBalancesConfig, RevenueConfig, RuntimeGenesisConfig, SessionConfig,
	SudoConfig, SupernodesConfig, DAYS, QAS, QQQ,
};
use alloc::{format, vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use pallet_proof_of_resource::MinerProfile;
use poseidon_primitives::era::EraIndex;
use sp_runtime::traits::AccountIdConversion;

/// QQQ each dev account starts with.
pub const DEV_ENDOWMENT_QQQ: Balance = 1_000_000 * QQQ;
/// QAS each dev account starts with.
pub const DEV_ENDOWMENT_QAS: Balance = 1_000_000 * QAS;
/// QQQ the treasury account starts with: enough to exist, so a fee share smaller than
/// the existential deposit can still be paid into it.
pub const TREASURY_ENDOWMENT_QQQ: Balance = QQQ;

/// Era length of the dev and local chains: the shortest era the runtime allows, ten
/// 6-second blocks (one minute) in a `fast-runtime` build; in a real network's build,
/// whose challenge window has a floor of an hour, four hours.
pub const DEV_ERA_LENGTH: BlockNumber = crate::configs::proof_of_resource::MinEraLength::get();

/// The company account of the dev and local chains: the keyless treasury account, which
/// governance (sudo on these chains) can replace with a company account.
pub fn dev_treasury_account() -> AccountId {
	TreasuryPalletId::get().into_account_truncating()
}

/// QAS the `//stash` account of the `n`-th genesis validator votes for it with: the
/// first validator gets the most backing.
fn genesis_backing(n: usize) -> Balance {
	(400_000 - 100_000 * n.min(3) as Balance) * QAS
}

/// A validator's session keys, derived from a dev keyring name.
fn session_keys(name: Sr25519Keyring) -> SessionKeys {
	let grandpa = Ed25519Keyring::iter()
		.find(|k| k.to_seed() == name.to_seed())
		.expect("every sr25519 dev name is an ed25519 dev name; qed");
	let aura: AuraId = name.public().into();
	let grandpa: GrandpaId = grandpa.public().into();
	SessionKeys { aura, grandpa }
}

/// The `//stash` account of a dev keyring name.
fn stash_of(name: Sr25519Keyring) -> AccountId {
	use Sr25519Keyring::*;
	let stash = match name {
		Alice => AliceStash,
		Bob => BobStash,
		Charlie => CharlieStash,
		Dave => DaveStash,
		Eve => EveStash,
		Ferdie => FerdieStash,
		other => other,
	};
	stash.to_account_id()
}

/// Commission (percent) of every genesis supernode candidate.
const GENESIS_COMMISSION: u8 = 10;

/// The device profile the launch validators register with as miners at genesis: the
/// machine a validator runs on, whose serving its miner agent proves (1 Gbit/s, 8 cores,
/// 2 TiB, region 001 "World"; the operators of a real network edit it, and an agent
/// sends its own `profile.toml` as a profile update).
pub const LAUNCH_MINER_PROFILE: MinerProfile =
	MinerProfile { bandwidth_mbps: 1_000, cpu_millicores: 8_000, storage_gib: 2_000, region: 1 };

/// A genesis validator: it produces blocks with `keys`, is a miner (registered with
/// [`LAUNCH_MINER_PROFILE`], so its node's agent proves work and it stays eligible like
/// any candidate), stands as a supernode candidate, and `backer` votes for it with
/// `backing` QAS, so the genesis election elects it.
struct GenesisValidator {
	account: AccountId,
	keys: SessionKeys,
	backer: AccountId,
	backing: Balance,
}

/// What a preset chooses; [`genesis_patch`] writes it as the preset's JSON patch.
struct ChainGenesis {
	qqq: Vec<(AccountId, Balance)>,
	qas: Vec<(AccountId, Balance)>,
	validators: Vec<GenesisValidator>,
	treasury: AccountId,
	era_length: BlockNumber,
	plans: Vec<(EraIndex, u16, Balance)>,
	term_length: EraIndex,
	desired_supernodes: u32,
	desired_runners_up: u32,
	min_validators: u32,
	sudo: Option<AccountId>,
}

/// The JSON patch of a preset: each validator gets its session keys, is registered as a
/// miner and stands with its backer's vote; everything else is as `chain` says.
fn genesis_patch(chain: ChainGenesis) -> Value {
	let keys: Vec<(AccountId, AccountId, SessionKeys)> = chain
		.validators
		.iter()
		.map(|v| (v.account.clone(), v.account.clone(), v.keys.clone()))
		.collect();
	let candidates: Vec<(AccountId, u8)> =
		chain.validators.iter().map(|v| (v.account.clone(), GENESIS_COMMISSION)).collect();
	// One vote per backer: a backer of several validators names them all, with the sum of
	// its backings (each validator is backed with its share, as for rewards).
	let mut voters: Vec<(AccountId, Balance, Vec<AccountId>)> = Vec::new();
	for v in &chain.validators {
		match voters.iter_mut().find(|(backer, _, _)| *backer == v.backer) {
			Some((_, amount, targets)) => {
				*amount = amount.saturating_add(v.backing);
				targets.push(v.account.clone());
			},
			None => voters.push((v.backer.clone(), v.backing, vec![v.account.clone()])),
		}
	}

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: chain.qqq },
		qas_balances: QasBalancesConfig { balances: chain.qas },
		session: SessionConfig { keys },
		company_treasury: CompanyTreasuryConfig { treasury_account: Some(chain.treasury) },
		proof_of_resource: ProofOfResourceConfig {
			era_length: chain.era_length,
			resource_weights: Default::default(),
			miners: chain.validators.iter().map(|v| (v.account.clone(), LAUNCH_MINER_PROFILE)).collect(),
		},
		revenue: RevenueConfig { split: Default::default() },
		deposits: DepositsConfig { plans: chain.plans },
		supernodes: SupernodesConfig {
			term_length: chain.term_length,
			desired_supernodes: chain.desired_supernodes,
			desired_runners_up: chain.desired_runners_up,
			min_validators: chain.min_validators,
			candidates,
			voters,
		},
		sudo: SudoConfig { key: chain.sudo },
	})
}

/// The revenue pot and the two pool accounts settlement pays into: they must exist from
/// genesis, and each keeps its existential deposit so that no rounding dust left in it is
/// ever burnt.
fn pool_accounts() -> [AccountId; 3] {
	[
		pallet_revenue::Pallet::<crate::Runtime>::pot(),
		pallet_deposits::Pallet::<crate::Runtime>::pool_account(),
		pallet_supernodes::Pallet::<crate::Runtime>::pool_account(),
	]
}

/// The genesis of a dev-style chain: `validators` produce and finalize blocks and are the
/// supernodes (`desired_supernodes` per term), `sudo` holds the sudo key, every dev account
/// is endowed with both tokens.
fn dev_style_genesis(validators: Vec<Sr25519Keyring>, desired_supernodes: u32, sudo: AccountId) -> Value {
	// Alice … Ferdie and their `//stash` accounts.
	let endowed: Vec<AccountId> = Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect();
	let treasury = dev_treasury_account();
	let validators = validators
		.iter()
		.enumerate()
		.map(|(n, &k)| GenesisValidator {
			account: k.to_account_id(),
			keys: session_keys(k),
			backer: stash_of(k),
			backing: genesis_backing(n),
		})
		.collect();

	let mut qqq: Vec<(AccountId, Balance)> =
		endowed.iter().cloned().map(|a| (a, DEV_ENDOWMENT_QQQ)).collect();
	for account in core::iter::once(treasury.clone()).chain(pool_accounts()) {
		qqq.push((account, TREASURY_ENDOWMENT_QQQ));
	}
	let qas: Vec<(AccountId, Balance)> = endowed.into_iter().map(|a| (a, DEV_ENDOWMENT_QAS)).collect();

	genesis_patch(ChainGenesis {
		qqq,
		qas,
		validators,
		treasury,
		era_length: DEV_ERA_LENGTH,
		plans: DEV_GENESIS_PLANS.to_vec(),
		term_length: DEV_TERM_LENGTH,
		desired_supernodes,
		desired_runners_up: 2,
		min_validators: 1,
		sudo: Some(sudo),
	})
}

/// `--dev`: Alice alone produces and finalizes blocks; one supernode per term.
pub fn development_config_genesis() -> Value {
	dev_style_genesis(vec![Sr25519Keyring::Alice], 1, Sr25519Keyring::Alice.to_account_id())
}

/// `--chain local`: Alice, Bob, Charlie and Dave validate; four supernodes per term.
pub fn local_testnet_genesis() -> Value {
	dev_style_genesis(
		vec![
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		],
		4,
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// Name of the production template preset (`--chain production`).
pub const PRODUCTION_RUNTIME_PRESET: &str = "production";

/// Era length of a production chain (SPEC §11): one day of 6-second blocks.
pub const PRODUCTION_ERA_LENGTH: BlockNumber = DAYS;
/// QQQ issued at the genesis of a production chain (SPEC §11); there is no inflation.
pub const PRODUCTION_QQQ_SUPPLY: Balance = 1_000_000_000 * QQQ;
/// QAS issued at the genesis of a production chain (SPEC §11).
pub const PRODUCTION_QAS_SUPPLY: Balance = 100_000_000 * QAS;
/// Validators of the production template: four, so that one of them may fail and the
/// other three still finalize. The supernode elections never shrink the set below it.
pub const LAUNCH_VALIDATORS: u32 = 4;
/// QQQ each launch validator account starts with: its miner bond (1 000 QQQ, held from
/// genesis), its transaction fees, and the session-key deposit when it later changes
/// keys (genesis keys take none).
pub const LAUNCH_VALIDATOR_QQQ: Balance = 2_000 * QQQ;
/// QAS each launch validator starts with: its candidacy bond.
pub const LAUNCH_VALIDATOR_QAS: Balance = 10_000 * QAS;
/// QAS the company backs each launch validator with, in one genesis vote naming all of
/// them: a seat needs backing by others than the candidate, and taking seats from the
/// launch set must cost more than out-backing this (docs/security.md, attack 9 and
/// *Capture cost*: one seat over 1 000 000 QAS, a rejection majority over 6 000 000,
/// every seat over 16 000 000).
pub const LAUNCH_BACKING_QAS: Balance = 1_000_000 * QAS;
/// QQQ the revenue pot, the two pool accounts and (on a production chain, where the
/// company account is the treasury) the keyless fallback treasury account start with:
/// their existential deposit, out of the supply.
pub const POOL_ENDOWMENT_QQQ: Balance = QQQ;

/// A placeholder public key of the production template: the hash of `label`, a key
/// whose secret nobody holds. A chain started from the unedited template produces no
/// blocks and its funds cannot move: the operators replace every placeholder first.
fn placeholder(label: &str) -> [u8; 32] {
	use sp_runtime::traits::{BlakeTwo256, Hash};
	BlakeTwo256::hash(label.as_bytes()).0
}

/// The `n`-th launch validator of the production template: its account and session keys,
/// all placeholders.
fn launch_validator(n: u32) -> (AccountId, SessionKeys) {
	let account = AccountId::from(placeholder(&format!("poseidon production validator {n} account")));
	let aura = sp_core::sr25519::Public::from_raw(placeholder(&format!(
		"poseidon production validator {n} aura"
	)));
	let grandpa = sp_core::ed25519::Public::from_raw(placeholder(&format!(
		"poseidon production validator {n} grandpa"
	)));
	(account, SessionKeys { aura: aura.into(), grandpa: grandpa.into() })
}

/// The company account of the production template (a placeholder; in practice a
/// multisig): it receives the fee and treasury shares and holds the genesis supply left
/// after the validators' endowments, which the company distributes.
pub fn production_company_account() -> AccountId {
	AccountId::from(placeholder("poseidon production company account"))
}

/// `--chain production`: the template of a real network's genesis (SPEC §10, §11).
///
/// - no sudo key: from block 1, every privileged change is a QAS referendum, on the
///   normal (days-long) track periods;
/// - one-day eras, seven-era supernode terms electing [`LAUNCH_VALIDATORS`] supernodes,
///   at least as many validators; deposit plans of 30, 90 and 180 days. SPEC §11's 21
///   seats are the goal, reached by governance (`supernodes.setElectionParams`, on the
///   `network_params` track) as real candidates with real backing stand: 21 seats from 4
///   genesis candidates would hand 17 validator seats to whoever stands first;
/// - exactly [`PRODUCTION_QQQ_SUPPLY`] QQQ and [`PRODUCTION_QAS_SUPPLY`] QAS: each launch
///   validator gets [`LAUNCH_VALIDATOR_QQQ`] and [`LAUNCH_VALIDATOR_QAS`] and stands with
///   its QAS as its bond; the revenue pot, the pool accounts and the fallback treasury
///   account their existential deposit; the company account the rest, and it backs each
///   launch validator with [`LAUNCH_BACKING_QAS`] in one vote (locked, not spent: the
///   company removes or changes it like any voter);
///
/// The accounts and session keys are placeholders. To launch, export the template
/// (`poseidon-node build-spec --chain production > spec.json`), replace each placeholder
/// address in its `patch` with the real one (each validator's account, whose key its miner
/// agent signs proofs with, and its node's Aura (sr25519) and GRANDPA (ed25519) session
/// keys, from a different secret: the node's keystore holds only those), change the
/// distribution if the company wants
/// another, and build the raw spec (`build-spec --chain spec.json --raw`). README.md walks
/// through it.
pub fn production_template_genesis() -> Value {
	let validators: Vec<GenesisValidator> = (1..=LAUNCH_VALIDATORS)
		.map(|n| {
			let (account, keys) = launch_validator(n);
			GenesisValidator { account, keys, backer: production_company_account(), backing: LAUNCH_BACKING_QAS }
		})
		.collect();
	let company = production_company_account();
	// Fee routing sends a share a new, not yet existing treasury account cannot take to
	// the keyless fallback account: it must exist from genesis.
	let fallback_treasury = pallet_company_treasury::Pallet::<crate::Runtime>::fallback_account();
	let pools: Vec<AccountId> = pool_accounts().into_iter().chain([fallback_treasury]).collect();
	let launch = Balance::from(LAUNCH_VALIDATORS);
	let company_qqq = PRODUCTION_QQQ_SUPPLY -
		launch * LAUNCH_VALIDATOR_QQQ -
		POOL_ENDOWMENT_QQQ * pools.len() as Balance;
	let company_qas = PRODUCTION_QAS_SUPPLY - launch * LAUNCH_VALIDATOR_QAS;

	let mut qqq: Vec<(AccountId, Balance)> =
		validators.iter().map(|v| (v.account.clone(), LAUNCH_VALIDATOR_QQQ)).collect();
	qqq.extend(pools.into_iter().map(|pool| (pool, POOL_ENDOWMENT_QQQ)));
	qqq.push((company.clone(), company_qqq));
	let mut qas: Vec<(AccountId, Balance)> =
		validators.iter().map(|v| (v.account.clone(), LAUNCH_VALIDATOR_QAS)).collect();
	qas.push((company.clone(), company_qas));

	genesis_patch(ChainGenesis {
		qqq,
		qas,
		validators,
		treasury: company,
		era_length: PRODUCTION_ERA_LENGTH,
		plans: PRODUCTION_GENESIS_PLANS.to_vec(),
		term_length: PRODUCTION_TERM_LENGTH,
		desired_supernodes: LAUNCH_VALIDATORS,
		desired_runners_up: MAX_RUNNERS_UP,
		min_validators: LAUNCH_VALIDATORS,
		sudo: None,
	})
}

/// The JSON patch of the preset `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		PRODUCTION_RUNTIME_PRESET => production_template_genesis(),
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
		PresetId::from(PRODUCTION_RUNTIME_PRESET),
	]
}

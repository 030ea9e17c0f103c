//! # Poseidon runtime
//!
//! The state transition function of Poseidon chain, a solochain for a decentralized
//! content-acceleration network.
//!
//! Two tokens, both instances of `pallet-balances` with 12 decimals:
//!
//! - **QQQ** ([`Balances`], the native token): transaction fees and tips, service
//!   payments, rewards and miner bonds;
//! - **QAS** ([`QasBalances`]): the governance token.
//!
//! Fees and tips are paid in QQQ only: 80 % to the company treasury account
//! ([`CompanyTreasury`]), 20 % to the author of the block.
//!
//! Where things are:
//!
//! - [`configs`]: one file per concern configures the pallets;
//! - [`apis`]: the runtime APIs that nodes, wallets and polkadot.js apps call;
//! - [`genesis_config_presets`]: the `development` and `local_testnet` genesis presets
//!   the node's `--dev` and `--chain local` are built from.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`/`impl_runtime_apis` expand to deep types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

/// Whether this runtime was built with the `fast-runtime` feature: governance periods of
/// blocks instead of days, for dev and local chains and their tests. The node built by
/// `scripts/run-dev.sh` and `scripts/test.sh` has it; a release build for a real
/// network (`cargo build --profile production`, the Docker image) does not.
pub const FAST_RUNTIME: bool = cfg!(feature = "fast-runtime");

/// The governance periods that differ between the two kinds of build are chosen from
/// this flag, at compile time, by `const fn`s that take it as an argument
/// ([`governance::tracks::tracks_of`], [`configs::governance::vote_locking_period_of`]):
/// never by storage a genesis could set, so a production runtime always has its real
/// periods and its metadata describes them. Every build holds both choices, so the tests
/// (built with `fast-runtime`) assert the real network's periods too.

// Defines the `list_benchmarks!`/`add_benchmarks!` macros `apis` uses, so it comes first.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod governance;
pub mod weights;

use governance::pallet_custom_origins;

use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use poseidon_primitives::{
	time::*, tokens::*, AccountId, Balance, BlockNumber, Hash, Nonce, Signature,
};

/// Types the node uses without knowing the runtime's extrinsic format, so it keeps
/// syncing across runtime upgrades that change it.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Block with opaque extrinsics.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Block identifier.
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		/// The keys a validator registers: Aura for authoring, GRANDPA for finality.
		pub struct SessionKeys {
			pub aura: Aura,
			pub grandpa: Grandpa,
		}
	}
}

/// Defines [`VERSION`] with the given `spec_version` (`#[runtime_version]` reads the
/// fields as literals, so the number is passed as a token, not a constant).
macro_rules! runtime_version_with_spec {
	($spec_version:tt) => {
		/// The runtime version. Bump `spec_version` on every change of runtime logic and
		/// `transaction_version` on every change of call indices or transaction extensions.
		#[runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("poseidon"),
			impl_name: alloc::borrow::Cow::Borrowed("poseidon-node"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 1,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "spec-version-next"))]
runtime_version_with_spec!(100);
// The same runtime one `spec_version` later: the second build the end-to-end upgrade
// test enacts through governance (crate `poseidon-runtime-next`, runtime/next).
#[cfg(feature = "spec-version-next")]
runtime_version_with_spec!(101);

/// Account address format: accounts or their indices.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions, in the order wallets sign them. Besides the usual checks
/// (sender, versions, genesis, mortality, nonce, weight, fee payment),
/// `CheckMetadataHash` lets hardware wallets verify the metadata they decode the
/// transaction with, and `WeightReclaim` refunds unused weight to the block.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// An extrinsic as it arrives from the outside world.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on a runtime upgrade. Each is versioned: it runs only on a
/// chain whose pallet is at the storage version it migrates from (chains started by an
/// older build), so it is harmless to keep until every such chain has upgraded.
/// `runtime/tests/runtime_upgrade.rs` runs them with their try-runtime checks.
type Migrations = (
	// Proof of resource 0 → 1: `Weights` stored as `PowerPerUnit`, `MinerCount` becomes
	// the counter of `Miners`.
	pallet_proof_of_resource::migrations::v1::MigrateV0ToV1<Runtime>,
);

/// Dispatches extrinsics to the pallets and runs their hooks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Authorship = pallet_authorship;

	/// QQQ, the native token.
	#[runtime::pallet_index(5)]
	pub type Balances = pallet_balances;

	/// QAS, the governance token.
	#[runtime::pallet_index(6)]
	pub type QasBalances = pallet_balances<Instance2>;

	#[runtime::pallet_index(7)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(8)]
	pub type CompanyTreasury = pallet_company_treasury;

	/// A convenience of the development and local presets; a production chain has no key.
	#[runtime::pallet_index(9)]
	pub type Sudo = pallet_sudo;

	/// Miners, their proofs of resource, and the era clock.
	#[runtime::pallet_index(10)]
	pub type ProofOfResource = pallet_proof_of_resource;

	/// Customer payments, the revenue split, settlement and miner rewards. Declared after
	/// the era clock's owner: hooks run in declaration order, so settlement sees an era
	/// that started in the same block.
	#[runtime::pallet_index(11)]
	pub type Revenue = pallet_revenue;

	/// QAS deposit plans sharing the depositors' pool of every era.
	#[runtime::pallet_index(12)]
	pub type Deposits = pallet_deposits;

	// Declared after the era clock (ProofOfResource), so that an election and a session
	// change see the era that starts in the same block, and the election before the session
	// change, so that the session queues the newly elected supernodes at once.
	#[runtime::pallet_index(13)]
	pub type Supernodes = pallet_supernodes;

	#[runtime::pallet_index(14)]
	pub type Session = pallet_session;

	// Governance (SPEC §9), named as polkadot.js apps expects.
	#[runtime::pallet_index(15)]
	pub type Preimage = pallet_preimage;

	#[runtime::pallet_index(16)]
	pub type Scheduler = pallet_scheduler;

	#[runtime::pallet_index(17)]
	pub type Referenda = pallet_referenda;

	#[runtime::pallet_index(18)]
	pub type ConvictionVoting = pallet_conviction_voting;

	#[runtime::pallet_index(19)]
	pub type Origins = pallet_custom_origins;

	/// Parameters a `network_params` referendum changes without a runtime upgrade.
	#[runtime::pallet_index(20)]
	pub type Parameters = pallet_parameters;

	/// The validator sets of past sessions, for key-ownership proofs in offence reports.
	#[runtime::pallet_index(21)]
	pub type Historical = pallet_session::historical;

	/// Offence reports (GRANDPA equivocations), handed to the supernodes pallet to slash.
	#[runtime::pallet_index(22)]
	pub type Offences = pallet_offences;

	/// Reports of Aura equivocations (two blocks signed for one slot).
	#[runtime::pallet_index(23)]
	pub type AuraEquivocation = pallet_aura_equivocation;
}

//! `frame_system`: block limits, the account model and the runtime version.

use crate::{
	weights::{block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight},
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, VERSION,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::ConstU32,
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		Weight,
	},
};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

/// Share of a block that ordinary (non-operational) extrinsics may fill; the rest is kept
/// for operational calls and the block's own hooks.
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// The compute one block may use: two seconds (proof size is not limited on a solochain).
pub const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

parameter_types! {
	/// Block hashes kept for mortal transactions: a transaction may stay valid for up to
	/// 2400 blocks (4 hours).
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute in each 6-second block leave time to author, gossip and
	/// import it. What every block and every extrinsic cost before their calls run is
	/// measured on this runtime (`benchmark overhead`, scripts/benchmark.sh), not taken
	/// from Substrate's reference figures.
	pub RuntimeBlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::builder()
			.base_block(BlockExecutionWeight::get())
			.for_class(DispatchClass::all(), |weights| {
				weights.base_extrinsic = ExtrinsicBaseWeight::get();
			})
			.for_class(DispatchClass::Normal, |weights| {
				weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
			})
			.for_class(DispatchClass::Operational, |weights| {
				weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
				// operational calls can always use the part normal ones may not
				weights.reserved = Some(MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
			})
			.avg_block_initialization(Perbill::from_percent(10))
			.build_or_panic();
	pub RuntimeBlockLength: frame_system::limits::BlockLength =
		frame_system::limits::BlockLength::builder()
			.max_length(5 * 1024 * 1024)
			.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
			.build();
	/// The generic Substrate address prefix (42): the dev keyring, subkey and wallets
	/// show the same addresses without configuration. A public network registers its own
	/// prefix in the SS58 registry and changes this together with the chain properties.
	pub const SS58Prefix: u16 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	/// The node stores its state in ParityDB, so storage access is weighed with its costs.
	type DbWeight = ParityDbWeight;
	type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
	/// The checks every signed transaction passes (nonce, mortality, weight...), measured
	/// on this runtime: they are part of what each transfer costs.
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
	type BlockHashCount = BlockHashCount;
	type Version = Version;
	/// QQQ balances live in the account record; QAS balances in their instance's storage.
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type RuntimeTask = RuntimeTask;
	type PalletInfo = PalletInfo;
}

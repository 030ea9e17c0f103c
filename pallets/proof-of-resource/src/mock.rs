//! A small runtime for the pallet's tests: System, Balances (QQQ) and this pallet, with
//! a fixed treasury account and a supernode set the tests may change.

use crate::{self as pallet_proof_of_resource, supernodes::*, CapacityLimits, MinerProfile, ResourceWeights};
use frame_support::{
	derive_impl, parameter_types,
	traits::{Hooks, VariantCountOf},
	weights::Weight,
};
use poseidon_primitives::supernodes::SupernodeSet;
use sp_runtime::{BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		ProofOfResource: pallet_proof_of_resource,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
}

/// The company account.
pub const TREASURY: u64 = 99;
/// The supernodes (four: the quorum, a majority, is three).
pub const SUPERNODES: [u64; 4] = [11, 12, 13, 14];
/// Miners with plenty of QQQ.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
/// An account that cannot afford the bond.
pub const POOR: u64 = 3;
/// Bond held from each miner.
pub const BOND: u64 = 1_000;
/// Blocks per era in these tests; era 0 covers blocks 1–10, era 1 starts at 11, the
/// grace window for era 0's proofs is blocks 11–12 and its challenge window 13–14.
pub const ERA_LENGTH: u64 = 10;

parameter_types! {
	pub static SupernodeAccounts: Vec<u64> = SUPERNODES.to_vec();
	/// A thousand times the default weights.
	pub const MaxResourceWeights: ResourceWeights =
		ResourceWeights { per_bandwidth_byte: 1_000, per_cpu_second: 1_000_000_000, per_storage_gib_hour: 100_000_000_000 };
}

/// The supernode set: [`SupernodeAccounts`], four supernodes unless a test changes it.
pub struct Supernodes;
impl SupernodeSet<u64> for Supernodes {
	fn is_supernode(who: &u64) -> bool {
		SupernodeAccounts::get().contains(who)
	}

	fn supernode_count() -> u32 {
		SupernodeAccounts::get().len() as u32
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_supernodes_for_benchmark(supernodes: Vec<u64>) {
		SupernodeAccounts::set(supernodes);
	}
}

/// Least bond with which a miner may prove.
pub const MIN_BOND_TO_PROVE: u64 = 500;

parameter_types! {
	pub static MinerBond: u64 = BOND;
	pub const FraudSlash: Perbill = Perbill::from_percent(50);
	pub const RejectorsShare: Perbill = Perbill::from_percent(50);
	pub const MinBondToProve: u64 = MIN_BOND_TO_PROVE;
	/// 10 Gbit/s, 64 cores, 100 TiB: the runtime's caps, which tests may lower.
	pub static MaxCapacity: CapacityLimits =
		CapacityLimits { bandwidth_mbps: 10_000, cpu_millicores: 64_000, storage_gib: 100_000 };
}

impl pallet_proof_of_resource::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Treasury = poseidon_primitives::testing::TreasuryAt<TREASURY>;
	type Supernodes = Supernodes;
	type RejectionQuorum = Majority;
	type MinerBond = MinerBond;
	type UnbondingEras = frame_support::traits::ConstU32<2>;
	type FraudSlash = FraudSlash;
	type RejectorsShare = RejectorsShare;
	type MaxCapacity = MaxCapacity;
	type MinBondToProve = MinBondToProve;
	type MillisecsPerBlock = frame_support::traits::ConstU64<6_000>;
	type MinEraLength = frame_support::traits::ConstU64<4>;
	type MaxEraLength = frame_support::traits::ConstU64<100_000>;
	type ProofHistoryDepth = frame_support::traits::ConstU32<3>;
	type MaxSupernodes = frame_support::traits::ConstU32<8>;
	type ResourceWeightsOrigin = frame_system::EnsureRoot<u64>;
	type MaxResourceWeights = MaxResourceWeights;
	type EraLengthOrigin = frame_system::EnsureRoot<u64>;
	type WeightInfo = ();
}

/// A device: 100 Mbit/s, 2 cores, 600 GiB. In one 60-second era it can serve at most
/// 750 000 000 bytes, 120 CPU seconds and 10 GiB·hours.
pub fn profile() -> MinerProfile {
	MinerProfile { bandwidth_mbps: 100, cpu_millicores: 2_000, storage_gib: 600, region: 276 }
}

/// Genesis: accounts endowed, era length [`ERA_LENGTH`], default weights, four supernodes.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with_miners(vec![])
}

/// [`new_test_ext`], with `miners` registered in the pallet's genesis.
pub fn new_test_ext_with_miners(miners: Vec<(u64, MinerProfile)>) -> sp_io::TestExternalities {
	SupernodeAccounts::set(SUPERNODES.to_vec());
	MinerBond::set(BOND);
	MaxCapacity::set(CapacityLimits { bandwidth_mbps: 10_000, cpu_millicores: 64_000, storage_gib: 100_000 });
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, 10_000), (BOB, 10_000), (POOR, 500), (TREASURY, 1)]
			.into_iter()
			.chain(SUPERNODES.iter().map(|s| (*s, 100)))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_proof_of_resource::GenesisConfig::<Test> {
		era_length: ERA_LENGTH,
		resource_weights: ResourceWeights::default(),
		miners,
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| run_to_block(1));
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		ProofOfResource::do_try_state().expect("invariants hold after the test");
	});
}

/// Moves to block `n`, running this pallet's `on_initialize` in each block and `on_idle`
/// with a whole block's weight.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		ProofOfResource::on_initialize(next);
		ProofOfResource::on_idle(next, Weight::MAX);
	}
}

/// Moves to the first block of `era`.
pub fn run_to_era(era: u32) {
	run_to_block(1 + ERA_LENGTH * u64::from(era));
	assert_eq!(ProofOfResource::era_state().current, era);
}

/// The events of this pallet so far, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ProofOfResource(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The last event of this pallet.
pub fn last_event() -> crate::Event<Test> {
	events().pop().expect("an event was emitted")
}

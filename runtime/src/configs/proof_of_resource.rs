//! Proof of resource (`pallet-proof-of-resource`): miners, their proofs, and the era
//! clock. Parameters follow SPEC §11.

use crate::{Balance, Balances, BlockNumber, Runtime, RuntimeEvent, RuntimeHoldReason, QQQ};
use frame_support::{parameter_types, traits::ConstU32};
use poseidon_primitives::{era::EraIndex, time::{DAYS, HOURS, MILLISECS_PER_BLOCK}};
use sp_runtime::Perbill;

/// The shortest era of a runtime built with the `fast-runtime` feature (`true`) or
/// without it (`false`, a real network's, see [`crate::FAST_RUNTIME`]). An era's proofs
/// can be rejected during the challenge window, the second quarter of the next era, so a
/// real network's eras last at least four hours and its challenge window at least an
/// hour, whatever any origin decides (docs/security.md, attack 10); a `fast-runtime`
/// build allows ten-block (one-minute) eras for dev chains and their tests.
pub const fn min_era_length_of(fast_runtime: bool) -> BlockNumber {
	if fast_runtime {
		10
	} else {
		4 * HOURS
	}
}

/// Eras for which unclaimed miner rewards stay claimable (SPEC §11: 84 eras, twelve weeks
/// of one-day eras). Shared by the revenue pallet, which sweeps rewards older than this,
/// and this pallet, which keeps the proofs backing them a little longer.
pub const HISTORY_DEPTH: EraIndex = 84;

parameter_types! {
	/// Eras before a leaving miner gets its bond back: long enough that its last proofs
	/// can still be rejected and slashed. SPEC §11 suggests 2 for dev chains; it is a
	/// runtime constant shared by every preset, and 7 one-minute dev eras is short enough.
	pub const UnbondingEras: EraIndex = 7;
	/// Part of what is left of its bond a miner loses when the supernodes reject one of
	/// its proofs (it is also ejected). SPEC §11 suggested 10 %; a miner faking usage
	/// would then risk 100 QQQ for a whole era's miner pool, so the runtime takes half.
	pub const FraudSlash: Perbill = Perbill::from_percent(50);
	/// Half of a fraud slash goes to the supernodes whose rejections made the quorum:
	/// with the default bond, 250 QQQ shared by at most 11 of them, far more than the
	/// fees of their calls.
	pub const RejectorsShare: Perbill = Perbill::from_percent(50);
	/// The least bond a miner proves with: half the default miner bond. The governable
	/// miner bond never goes below it.
	pub const MinBondToProve: Balance = 500 * QQQ;
	pub const MillisecsPerBlock: u64 = MILLISECS_PER_BLOCK;
	/// Shortest era any origin may set, genesis included: see [`min_era_length_of`].
	pub const MinEraLength: BlockNumber = min_era_length_of(crate::FAST_RUNTIME);
	/// Longest era governance may set: thirty days.
	pub const MaxEraLength: BlockNumber = 30 * DAYS;
	/// Proofs back reward claims until the revenue pallet sweeps them: an era stays
	/// claimable until the era HISTORY_DEPTH later is settled, in the era after that one.
	/// Kept one era longer still; the revenue pallet's `integrity_test` refuses less than
	/// HISTORY_DEPTH + 2, and runtime/tests/revenue.rs claims in the last block it can.
	pub const ProofHistoryDepth: EraIndex = HISTORY_DEPTH + 2;
	/// A thousand times each genesis weight: no `root` referendum may value one resource
	/// more than that (docs/security.md, attack 10).
	pub const MaxResourceWeights: pallet_proof_of_resource::ResourceWeights = pallet_proof_of_resource::ResourceWeights {
		per_bandwidth_byte: 1_000,
		per_cpu_second: 1_000_000_000,
		per_storage_gib_hour: 100_000_000_000,
	};
}

impl pallet_proof_of_resource::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Treasury = crate::CompanyTreasury;
	/// The elected supernodes may reject proofs.
	type Supernodes = crate::Supernodes;
	/// A majority of the supernodes (SPEC §11 suggested a third, which lets a minority
	/// cartel reject every rival's proofs).
	type RejectionQuorum = pallet_proof_of_resource::supernodes::Majority;
	/// Governable (`parameters`, `bonds.MinerBond`): 1 000 QQQ at genesis.
	type MinerBond = crate::configs::parameters::MinerBond;
	type UnbondingEras = UnbondingEras;
	type FraudSlash = FraudSlash;
	type RejectorsShare = RejectorsShare;
	/// Governable (`parameters`, `capacity.MaxCapacity`, on the `root` track), never above
	/// `CAPACITY_HARD_CAP`.
	type MaxCapacity = crate::configs::parameters::MaxCapacity;
	type MinBondToProve = MinBondToProve;
	type MillisecsPerBlock = MillisecsPerBlock;
	type MinEraLength = MinEraLength;
	type MaxEraLength = MaxEraLength;
	type ProofHistoryDepth = ProofHistoryDepth;
	type MaxSupernodes = ConstU32<{ crate::configs::supernodes::MAX_SUPERNODES }>;
	/// `Root` (the `root` track): the weights decide how the whole miner pool is shared.
	type ResourceWeightsOrigin = frame_system::EnsureRoot<crate::AccountId>;
	type MaxResourceWeights = MaxResourceWeights;
	/// `Root` (the `root` track): the era is also the window in which fraudulent proofs can
	/// be rejected, so a short era helps fraud.
	type EraLengthOrigin = frame_system::EnsureRoot<crate::AccountId>;
	type WeightInfo = pallet_proof_of_resource::weights::SubstrateWeight<Runtime>;
}

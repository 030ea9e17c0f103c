//! The pallet's domain types: what a miner declares, what it proves, and how the era
//! clock is kept.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use poseidon_primitives::{era::EraIndex, power::Power};
use scale_info::TypeInfo;

/// What a miner's device can serve, declared when it registers.
///
/// The capacity bounds what the miner may claim to have served in an era: a proof whose
/// usage exceeds capacity × era duration is physically impossible and is refused.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug, Default,
)]
#[derive(serde::Serialize, serde::Deserialize)]
pub struct MinerProfile {
	/// Uplink bandwidth in Mbit/s.
	pub bandwidth_mbps: u32,
	/// Compute in millicores (1 000 = one CPU core).
	pub cpu_millicores: u32,
	/// Storage offered to the network, in GiB.
	pub storage_gib: u32,
	/// Where the device is: a UN M49 area code (e.g. 276 = Germany), so customers and
	/// explorers can see the network's geography.
	pub region: u16,
}

impl MinerProfile {
	/// A profile that declares no capacity at all cannot earn anything; it is refused.
	pub fn declares_capacity(&self) -> bool {
		self.bandwidth_mbps > 0 || self.cpu_millicores > 0 || self.storage_gib > 0
	}

	/// Whether every declared capacity is within `limits`.
	pub fn is_within(&self, limits: &CapacityLimits) -> bool {
		self.bandwidth_mbps <= limits.bandwidth_mbps &&
			self.cpu_millicores <= limits.cpu_millicores &&
			self.storage_gib <= limits.storage_gib
	}

	/// The profile with each capacity cut down to `limits`: what a proof is checked
	/// against, so a cap lowered by governance also binds miners registered before.
	pub fn capped_by(&self, limits: &CapacityLimits) -> Self {
		Self {
			bandwidth_mbps: self.bandwidth_mbps.min(limits.bandwidth_mbps),
			cpu_millicores: self.cpu_millicores.min(limits.cpu_millicores),
			storage_gib: self.storage_gib.min(limits.storage_gib),
			region: self.region,
		}
	}
}

/// The most capacity one miner may declare, per resource.
///
/// Without it a profile could declare `u32::MAX` of everything, and the plausibility check
/// (usage ≤ capacity × era duration) would let one miner claim about a million times the
/// power of a real device: the whole miner pool, for the price of one bond. The caps are
/// those of the largest single edge device the network expects; anything bigger registers
/// as several miners, each with its own bond. Governable, so they can follow hardware.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug,
)]
pub struct CapacityLimits {
	/// Most uplink bandwidth, in Mbit/s.
	pub bandwidth_mbps: u32,
	/// Most compute, in millicores.
	pub cpu_millicores: u32,
	/// Most storage, in GiB.
	pub storage_gib: u32,
}

/// What a miner served during one era.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug, Default,
)]
pub struct ResourceUsage {
	/// Bytes served to customers.
	pub bandwidth_bytes: u64,
	/// CPU time used for customers' work, in seconds.
	pub cpu_seconds: u64,
	/// Storage provided, in GiB × hours.
	pub storage_gib_hours: u64,
}

impl ResourceUsage {
	/// Whether the proof claims any work at all.
	pub fn is_empty(&self) -> bool {
		self.bandwidth_bytes == 0 && self.cpu_seconds == 0 && self.storage_gib_hours == 0
	}
}

/// Power per unit of each resource: how the network values a byte served against a CPU
/// second and a GiB·hour stored. Governable (on Poseidon, the `root` referendum track,
/// within `MaxResourceWeights`), since it decides how the miner pool is shared.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug,
)]
#[derive(serde::Serialize, serde::Deserialize)]
pub struct ResourceWeights {
	/// Power per byte served.
	pub per_bandwidth_byte: u64,
	/// Power per CPU second.
	pub per_cpu_second: u64,
	/// Power per GiB·hour stored.
	pub per_storage_gib_hour: u64,
}

impl Default for ResourceWeights {
	/// One CPU second is valued like one megabyte served, one GiB stored for an hour
	/// like 100 MB served.
	fn default() -> Self {
		Self { per_bandwidth_byte: 1, per_cpu_second: 1_000_000, per_storage_gib_hour: 100_000_000 }
	}
}

impl ResourceWeights {
	/// Power of `usage`: Σ usageᵢ × weightᵢ. Each product of two `u64` fits a `u128`; the
	/// sum saturates (it would need about 2¹²⁸ units to do so).
	pub fn power_of(&self, usage: &ResourceUsage) -> Power {
		let term = |amount: u64, weight: u64| Power::from(amount).saturating_mul(weight.into());
		term(usage.bandwidth_bytes, self.per_bandwidth_byte)
			.saturating_add(term(usage.cpu_seconds, self.per_cpu_second))
			.saturating_add(term(usage.storage_gib_hours, self.per_storage_gib_hour))
	}

	/// Weights that value nothing would give every proof zero power.
	pub fn values_something(&self) -> bool {
		self.per_bandwidth_byte > 0 || self.per_cpu_second > 0 || self.per_storage_gib_hour > 0
	}

	/// Whether no weight is above the same weight of `limits`.
	pub fn is_within(&self, limits: &ResourceWeights) -> bool {
		self.per_bandwidth_byte <= limits.per_bandwidth_byte &&
			self.per_cpu_second <= limits.per_cpu_second &&
			self.per_storage_gib_hour <= limits.per_storage_gib_hour
	}
}

/// Whether a miner is working or leaving.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug,
)]
pub enum MinerStatus {
	/// Registered and proving.
	Active,
	/// Deregistered in era `since`; the bond can be withdrawn from era `withdrawable_from`.
	/// Proofs for eras up to `since` are still accepted within their window.
	Unbonding { since: EraIndex, withdrawable_from: EraIndex },
	/// Thrown out in era `in_era` because the supernodes rejected one of its proofs: it may
	/// prove nothing more, and what is left of its bond can be withdrawn from era
	/// `withdrawable_from` (its other open proofs can still be rejected until then).
	Ejected { in_era: EraIndex, withdrawable_from: EraIndex },
}

/// A registered miner.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq,
	Debug,
)]
pub struct Miner<Balance> {
	/// The profile in force (for eras before `next_profile`'s era).
	pub profile: MinerProfile,
	/// A profile update and the first era it applies to.
	pub next_profile: Option<(EraIndex, MinerProfile)>,
	/// QQQ held as bond (less what fraud slashes took).
	pub bond: Balance,
	/// First era the miner may prove.
	pub registered_in: EraIndex,
	/// Working or leaving.
	pub status: MinerStatus,
}

impl<Balance> Miner<Balance> {
	/// The profile that applies to `era`. Updates take effect lazily: nothing iterates over
	/// miners at an era boundary.
	pub fn profile_for(&self, era: EraIndex) -> &MinerProfile {
		match &self.next_profile {
			Some((from, next)) if era >= *from => next,
			_ => &self.profile,
		}
	}

	/// Whether the miner may prove `era`: registered by then, not left before it, and not
	/// ejected.
	pub fn may_prove(&self, era: EraIndex) -> bool {
		era >= self.registered_in &&
			match self.status {
				MinerStatus::Active => true,
				MinerStatus::Unbonding { since, .. } => era <= since,
				MinerStatus::Ejected { .. } => false,
			}
	}

	/// The era from which the bond may be withdrawn, if the miner is leaving or ejected.
	pub fn withdrawable_from(&self) -> Option<EraIndex> {
		match self.status {
			MinerStatus::Active => None,
			MinerStatus::Unbonding { withdrawable_from, .. } |
			MinerStatus::Ejected { withdrawable_from, .. } => Some(withdrawable_from),
		}
	}
}

/// Why a supernode rejects a proof; shown to the miner and to explorers.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug,
)]
pub enum RejectionReason {
	/// The evidence commitment does not match the off-chain evidence.
	InvalidEvidence,
	/// Customer receipts or probes show much less usage than claimed.
	UsageInflated,
	/// The device did not answer the supernodes' probes during the era.
	Unreachable,
	/// Anything else; details are off chain.
	Other,
}

/// A miner's proof of one era.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq,
	Debug,
)]
pub struct ProofRecord {
	/// What the miner claims to have served.
	pub usage: ResourceUsage,
	/// Commitment (e.g. a Merkle root) to the off-chain evidence.
	pub evidence: [u8; 32],
	/// Power computed when the proof was accepted.
	pub power: Power,
	/// Supernodes that rejected it so far.
	pub rejections: u32,
	/// The rejection quorum was reached: the proof has no power and the bond was slashed.
	pub rejected: bool,
}

impl ProofRecord {
	/// Power that counts for rewards.
	pub fn accepted_power(&self) -> Power {
		if self.rejected {
			0
		} else {
			self.power
		}
	}
}

/// The era clock, kept in one storage value so reading it costs one read.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug,
)]
pub struct EraState<BlockNumber> {
	/// The era in progress.
	pub current: EraIndex,
	/// Its first block.
	pub start: BlockNumber,
	/// Its length in blocks.
	pub length: BlockNumber,
	/// Length of the era before it (bounds the usage of late proofs for that era).
	pub previous_length: BlockNumber,
}

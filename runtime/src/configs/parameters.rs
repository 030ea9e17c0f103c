//! Governable parameters (`pallet-parameters`): values a `network_params` referendum
//! changes with `parameters.setParameter`, without a runtime upgrade.
//!
//! - `bonds.MinerBond`: QQQ a miner holds to register (SPEC §11: 1 000 QQQ);
//! - `bonds.CandidacyBond`: QAS a supernode candidate holds (SPEC §11: 10 000 QAS);
//! - `capacity.MaxCapacity`: the most bandwidth, compute and storage one miner may
//!   declare (10 Gbit/s, 128 cores, 100 TiB), so that no profile can claim unbounded
//!   power. Only a `root` referendum changes it (it bounds every proof, so every miner's
//!   pay), and never above [`CAPACITY_HARD_CAP`], a bound in code
//!   (docs/security.md, attack 10).
//!
//! A changed bond applies to the next registration or candidacy: miners and candidates
//! already bonded keep the amount they put down (each pallet records it) and get exactly
//! that back. The pallets read a bond through [`AtLeast`], which never lets it fall below
//! a floor whatever a referendum sets: the miner bond never below the bond a miner needs
//! to prove (`MinBondToProve`, 500 QQQ), the candidacy bond never below QAS's existential
//! deposit.
//!
//! Other network parameters have calls of their own in the pallet that owns them
//! (`deposits.createPlan`/`closePlan`, `supernodes.setElectionParams`), routed to the
//! same `network_params` track; `proofOfResource.setEraLength` (the era is also the
//! challenge window), `proofOfResource.setResourceWeights` (within `MaxResourceWeights`)
//! and `companyTreasury.setTreasuryAccount` (where fees, the treasury's share of revenue
//! and every slash go) need `Root`: the `root` track.

use crate::{configs::governance::NetworkParamsOrigin, AccountId, Balance, Runtime, RuntimeEvent, RuntimeOrigin, QAS, QQQ};
use core::marker::PhantomData;
use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	traits::{EnsureOrigin, EnsureOriginWithArg, Get},
};
use frame_system::EnsureRoot;
use pallet_proof_of_resource::CapacityLimits;

/// The parameters governance may change, and their genesis defaults.
#[dynamic_params(RuntimeParameters, pallet_parameters::Parameters::<Runtime>)]
pub mod dynamic_params {
	use super::*;

	/// Bonds that make registering a miner or standing for election cost something.
	#[dynamic_pallet_params]
	#[codec(index = 0)]
	pub mod bonds {
		/// QQQ held from every miner that registers: enough that a fraud slash (10 %)
		/// hurts.
		#[codec(index = 0)]
		pub static MinerBond: Balance = 1_000 * QQQ;

		/// QAS held from every supernode candidate: a stake in serving the term well.
		#[codec(index = 1)]
		pub static CandidacyBond: Balance = 10_000 * QAS;
	}

	/// How much one miner may declare.
	#[dynamic_pallet_params]
	#[codec(index = 1)]
	pub mod capacity {
		/// The largest single edge device the network expects: 10 Gbit/s uplink, 128
		/// cores, 100 TiB. In a one-day era such a device can serve at most 108 TB.
		#[codec(index = 0)]
		pub static MaxCapacity: pallet_proof_of_resource::CapacityLimits =
			pallet_proof_of_resource::CapacityLimits {
				bandwidth_mbps: 10_000,
				cpu_millicores: 128_000,
				storage_gib: 102_400,
			};
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl Default for RuntimeParameters {
	fn default() -> Self {
		RuntimeParameters::Bonds(dynamic_params::bonds::Parameters::MinerBond(
			dynamic_params::bonds::MinerBond,
			Some(2_000 * QQQ),
		))
	}
}

impl pallet_parameters::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeParameters = RuntimeParameters;
	type AdminOrigin = ParametersAdminOrigin;
	type WeightInfo = crate::weights::pallet_parameters::WeightInfo<Runtime>;
}

/// Who sets a parameter: the bonds are network parameters (a `network_params` referendum,
/// or `Root`); the capacity cap bounds every miner's proofs and so the whole miner pool,
/// and needs `Root` (the `root` track, whose support starts at half of all QAS).
pub struct ParametersAdminOrigin;

impl EnsureOriginWithArg<RuntimeOrigin, RuntimeParametersKey> for ParametersAdminOrigin {
	type Success = ();

	fn try_origin(origin: RuntimeOrigin, key: &RuntimeParametersKey) -> Result<(), RuntimeOrigin> {
		match key {
			RuntimeParametersKey::Bonds(_) =>
				<NetworkParamsOrigin as EnsureOrigin<RuntimeOrigin>>::try_origin(origin).map(|_| ()),
			RuntimeParametersKey::Capacity(_) =>
				<EnsureRoot<AccountId> as EnsureOrigin<RuntimeOrigin>>::try_origin(origin).map(|_| ()),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_key: &RuntimeParametersKey) -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::root())
	}
}

/// The most one miner may ever declare, whatever a referendum sets `capacity.MaxCapacity`
/// to: 100 Gbit/s, 1 024 cores, 1 PiB, ten times the genesis cap.
pub const CAPACITY_HARD_CAP: CapacityLimits =
	CapacityLimits { bandwidth_mbps: 100_000, cpu_millicores: 1_024_000, storage_gib: 1_048_576 };

/// `Parameter`'s capacity limits, each capped by `Cap`'s.
pub struct CappedCapacity<Parameter, Cap>(PhantomData<(Parameter, Cap)>);

impl<Parameter: Get<CapacityLimits>, Cap: Get<CapacityLimits>> Get<CapacityLimits> for CappedCapacity<Parameter, Cap> {
	fn get() -> CapacityLimits {
		let (set, cap) = (Parameter::get(), Cap::get());
		CapacityLimits {
			bandwidth_mbps: set.bandwidth_mbps.min(cap.bandwidth_mbps),
			cpu_millicores: set.cpu_millicores.min(cap.cpu_millicores),
			storage_gib: set.storage_gib.min(cap.storage_gib),
		}
	}
}

frame_support::parameter_types! {
	pub const CapacityHardCap: CapacityLimits = CAPACITY_HARD_CAP;
}

/// The capacity cap the proof-of-resource pallet checks profiles and proofs against.
pub type MaxCapacity = CappedCapacity<dynamic_params::capacity::MaxCapacity, CapacityHardCap>;

/// `Parameter`'s value, but never less than `Floor`'s.
pub struct AtLeast<Parameter, Floor>(PhantomData<(Parameter, Floor)>);

impl<Parameter: Get<Balance>, Floor: Get<Balance>> Get<Balance> for AtLeast<Parameter, Floor> {
	fn get() -> Balance {
		Parameter::get().max(Floor::get())
	}
}

/// The miner bond the proof-of-resource pallet holds.
pub type MinerBond =
	AtLeast<dynamic_params::bonds::MinerBond, crate::configs::proof_of_resource::MinBondToProve>;

/// The candidacy bond the supernodes pallet holds.
pub type CandidacyBond =
	AtLeast<dynamic_params::bonds::CandidacyBond, crate::configs::tokens::QasExistentialDeposit>;

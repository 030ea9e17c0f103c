//! Governable parameters (`pallet-parameters`): values a `network_params` referendum
//! changes with `parameters.setParameter`, without a runtime upgrade.
//!
//! - `bonds.MinerBond`: QQQ a miner holds to register (SPEC §11: 1 000 QQQ);
//! - `bonds.CandidacyBond`: QAS a supernode candidate holds (SPEC §11: 10 000 QAS);
//! - `capacity.MaxCapacity`: the most bandwidth, compute and storage one miner may
//!   declare (10 Gbit/s, 128 cores, 100 TiB), so that no profile can claim unbounded
//!   power.
//!
//! A changed bond applies to the next registration or candidacy: miners and candidates
//! already bonded keep the amount they put down (each pallet records it) and get exactly
//! that back. The pallets read a bond through [`AtLeast`], which never lets it fall below
//! a floor whatever a referendum sets: the miner bond never below the bond a miner needs
//! to prove (`MinBondToProve`, 500 QQQ), the candidacy bond never below QAS's existential
//! deposit.
//!
//! Other network parameters have calls of their own in the pallet that owns them
//! (`proofOfResource.setEraLength`, `deposits.createPlan`/`closePlan`,
//! `supernodes.setElectionParams`, `companyTreasury.setTreasuryAccount`), routed to the
//! same `network_params` track.

use crate::{configs::governance::NetworkParamsOrigin, Balance, Runtime, RuntimeEvent, QAS, QQQ};
use core::marker::PhantomData;
use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	traits::{AsEnsureOriginWithArg, Get},
};

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
	/// Every key is a network parameter: a referendum on the `network_params` track (or
	/// `Root`) sets it.
	type AdminOrigin = AsEnsureOriginWithArg<NetworkParamsOrigin>;
	type WeightInfo = crate::weights::pallet_parameters::WeightInfo<Runtime>;
}

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

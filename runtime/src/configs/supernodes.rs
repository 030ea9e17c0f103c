//! Supernode elections (`pallet-supernodes`): candidates, votes, the election every term,
//! and the supernodes' pool. Parameters follow SPEC §11.

use crate::{Balance, Balances, QasBalances, Runtime, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, QAS};
use frame_support::{parameter_types, traits::ConstU32, PalletId};
use poseidon_primitives::era::EraIndex;
use sp_runtime::Perbill;

/// Most supernodes an election may elect (SPEC §11: 21 on a production chain). It bounds
/// the validator set and the proof-rejection benchmarks of the proof-of-resource pallet.
///
/// Together with [`MAX_RUNNERS_UP`] it bounds the rounds of sequential Phragmén (24): a
/// vote's score is recomputed at most once per round in which one of its candidates wins
/// (`pallet_supernodes::phragmen`), and the pallet's `integrity_test` checks the
/// benchmarked election at these maxima against its share of a block.
pub const MAX_SUPERNODES: u32 = 21;

/// Most runners-up an election may elect.
pub const MAX_RUNNERS_UP: u32 = 3;

parameter_types! {
	/// The supernodes' pool account: settlement pays each era's pool into it.
	pub const SupernodesPalletId: PalletId = PalletId(*b"psd/supn");
	/// Keeps MaxVoters from being filled with dust: 10 000 voters hold at least
	/// 100 000 QAS between them.
	pub const MinVote: Balance = 10 * QAS;
	/// Least support that wins a seat: as much as the candidacy bond, the backing each
	/// launch validator of the production preset puts behind itself.
	pub const MinBacking: Balance = 10_000 * QAS;
	/// Least part of the candidacy bond an equivocating validator loses: (3k/n)² alone
	/// would cost one offender among 21 validators 2 %.
	pub const MinEquivocationSlash: Perbill = Perbill::from_percent(10);
	/// SPEC §11: a supernode keeps at most half of its part of a pool.
	pub const MaxCommission: Perbill = Perbill::from_percent(50);
}

impl pallet_supernodes::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Qas = QasBalances;
	type Qqq = Balances;
	type CurrencyToVote = sp_staking::currency_to_vote::U128CurrencyToVote;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type Clock = crate::ProofOfResource;
	type Miners = crate::ProofOfResource;
	type Treasury = crate::CompanyTreasury;
	type SessionKeys = crate::configs::session::RegisteredSessionKeys;
	type PalletId = SupernodesPalletId;
	/// Governable (`parameters`, `bonds.CandidacyBond`): 10 000 QAS at genesis.
	type CandidacyBond = crate::configs::parameters::CandidacyBond;
	type MinVote = MinVote;
	type MinBacking = MinBacking;
	type MinEquivocationSlash = MinEquivocationSlash;
	/// SPEC §11: 100 candidates, 10 000 voters, 16 candidates per vote.
	type MaxCandidates = ConstU32<100>;
	type MaxVoters = ConstU32<10_000>;
	type MaxVotesPerVoter = ConstU32<16>;
	type MaxSupernodes = ConstU32<MAX_SUPERNODES>;
	type MaxRunnersUp = ConstU32<MAX_RUNNERS_UP>;
	/// Terms of up to 90 eras (a quarter of a year of one-day eras).
	type MaxTermLength = ConstU32<90>;
	type MaxCommission = MaxCommission;
	/// A candidate must have proved work within the last week of one-day eras.
	type MinProvenEras = ConstU32<7>;
	/// A bond stays within reach as long as offences can be reported: the session history
	/// kept for key-ownership proofs (sessions are eras).
	type ReportWindowEras = ConstU32<{ super::offences::REPORTABLE_SESSIONS }>;
	/// A referendum on the `network_params` track (or `Root`).
	type ParamsOrigin = crate::configs::governance::NetworkParamsOrigin;
	type WeightInfo = pallet_supernodes::weights::SubstrateWeight<Runtime>;
}

/// Terms of the dev and local chains (SPEC §11): three one-minute eras.
pub const DEV_TERM_LENGTH: EraIndex = 3;

/// Terms of a production chain (SPEC §11): seven one-day eras, a week.
pub const PRODUCTION_TERM_LENGTH: EraIndex = 7;

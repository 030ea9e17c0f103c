//! # Supernodes pallet
//!
//! QAS holders elect **supernodes**: the miners that verify other miners' proofs, produce
//! and finalize blocks, and share the supernode pool of every era with the QAS holders who
//! voted for them.
//!
//! - **Candidates** ([`Pallet::submit_candidacy`]): only a registered miner that has had
//!   accepted power in one of the last [`Config::MinProvenEras`] eras may stand, so votes
//!   alone cannot elect a node that does no work; every election checks this again
//!   and leaves out (and drops) a candidate that no longer meets it or has offended
//!   ([`Event::CandidateIneligible`]); a sitting supernode that no longer meets it (but
//!   has not offended) stands once more and loses its seat only to candidates that
//!   out-back it ([`election`]). A candidate holds
//!   [`Config::CandidacyBond`] QAS ([`HoldReason::CandidacyBond`]) and names its
//!   commission (at most [`Config::MaxCommission`]). [`Pallet::renounce_candidacy`]
//!   ends the candidacy, except for a supernode in its term: it serves the term out. The
//!   bond of a candidacy that ends within [`Config::ReportWindowEras`] of the last era
//!   its holder validated in stays held as a [`RetiredBond`] until the window has passed,
//!   within reach of offence reports ([`retired_bonds`]);
//!   [`Pallet::withdraw_retired_bond`] releases it then.
//! - **Voters** ([`Pallet::vote`]): a vote approves of up to [`Config::MaxVotesPerVoter`]
//!   candidates and locks an amount of QAS ([`FreezeReason::Vote`]); voting again replaces
//!   the vote, [`Pallet::remove_voter`] unlocks it. [`Config::MaxVoters`] and
//!   [`Config::MaxCandidates`] are enforced when a vote or candidacy is submitted, with a
//!   named error, so an election never has to drop anybody; in a full set, a larger vote
//!   evicts one of the smallest, and a new candidate takes the place of a candidate the
//!   last election found without the backing a seat needs.
//! - **Backing that counts**: a seat needs [`Config::MinBacking`] of backing from other
//!   accounts than the candidate, whose own vote would be its bond voting again
//!   ([`election`]).
//! - **Elections** ([`election`]): every [`ElectionParams::term_length`] eras, at the
//!   start of a term, sequential Phragmén (`sp-npos-elections`) elects
//!   [`ElectionParams::desired_supernodes`] supernodes and then the runners-up. The
//!   supernodes, with the support Phragmén gave each, are stored in [`Supernodes`]. The
//!   election's weight is benchmarked at the configured maxima and `integrity_test`
//!   proves it takes at most a quarter of a block ([`ELECTION_BLOCK_SHARE`]).
//!
//! ## What supernodes are
//!
//! 1. the accounts that may reject proofs: this pallet implements
//!    [`poseidon_primitives::supernodes::SupernodeSet`] for the proof-of-resource pallet;
//! 2. the validators: [`Pallet::plan_validators`] gives the session pallet's session
//!    manager the elected supernodes that have registered session keys, so they become the
//!    Aura and GRANDPA authorities at the next session; with fewer than
//!    [`ElectionParams::min_validators`] of them the current validators stay;
//! 3. the receivers of the supernode pool ([`rewards`]): each era's pool is divided
//!    equally among that era's validators; each keeps its commission and the rest goes to
//!    the QAS voters backing it, pro rata to their backing.
//!
//! ## Backing and rewards in O(1)
//!
//! A vote of `amount` QAS for `k` candidates backs each of them with `amount / k` for
//! rewards: a voter's reward weight does not grow with the number of candidates it names,
//! and the part behind a candidate that is not elected earns nothing, as in any
//! nominated-proof-of-stake system. Each account voted for has a [`Backing`]: the stake
//! behind it and a [`RewardAccumulator`](poseidon_primitives::reward_accumulator::RewardAccumulator)
//! (whose docs explain the arithmetic) raised when the account, as a supernode, receives
//! its part of a pool. What the pool received and paid out is kept in [`Ledger`]. A voter remembers, per target, the accumulator value up to
//! which it was paid. Sharing a pool therefore touches one record per supernode, and a
//! claim one record per target of the claimer, whatever the number of voters.
//!
//! Phragmén's support (stored with each supernode) is how the election apportioned the
//! voters' QAS while choosing winners; rewards use the equal split above because it can be
//! maintained in O(1) per vote, where Phragmén's apportionment changes with every election
//! for every voter.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod backing;
mod candidacy;
pub mod election;
#[cfg(test)]
mod mock;
pub mod offences;
pub mod phragmen;
pub mod retired_bonds;
pub mod rewards;
pub mod session;
#[cfg(test)]
mod tests;
pub mod types;
pub mod voter_list;
mod voting;
pub mod weights;

pub use session::SessionKeysRegistered;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, InspectFreeze, InspectHold, Mutate, MutateFreeze, MutateHold},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use poseidon_primitives::{
		era::{EraClock, EraIndex},
		pools::PoolLedger,
		power::ProvenPower,
		treasury::TreasuryAccount,
	};
	use sp_runtime::{
		traits::{AccountIdConversion, UniqueSaturatedFrom},
		Perbill,
	};

	/// Balance of QAS.
	pub type QasOf<T> =
		<<T as Config>::Qas as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// Balance of QQQ.
	pub type QqqOf<T> =
		<<T as Config>::Qqq as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// A voter's record.
	pub type VoterOf<T> =
		Voter<<T as frame_system::Config>::AccountId, QasOf<T>, <T as Config>::MaxVotesPerVoter>;

	/// The elected supernodes, or runners-up, in the order the election chose them.
	pub type ElectedOf<T> = BoundedVec<
		Elected<<T as frame_system::Config>::AccountId, QasOf<T>>,
		<T as Config>::MaxSupernodes,
	>;

	/// Share of the block the election may take at the configured maxima: a quarter, so
	/// that the block that opens a term still has room for the era's other hooks and for
	/// transactions. [`phragmen`] recomputes a vote's score at most 120 times in its worst
	/// case (15 + 14 + … + 0, over the 16 candidates it names), where sp-npos-elections'
	/// `seq_phragmen` did 384 (16 × 24 rounds); measured at SPEC's 10 000 voters it
	/// weighs about a fifth of the 2 s block (docs/benchmarks.md).
	pub const ELECTION_BLOCK_SHARE: Perbill = Perbill::from_percent(25);

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds QAS.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A supernode candidate's bond.
		CandidacyBond,
	}

	/// Why this pallet freezes (locks) QAS.
	#[pallet::composite_enum]
	pub enum FreezeReason {
		/// QAS behind a vote for supernodes.
		Vote,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// QAS: candidacy bonds are held and votes are locked in it.
		type Qas: Mutate<Self::AccountId>
			+ InspectHold<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectFreeze<Self::AccountId, Id = Self::RuntimeFreezeReason>
			+ MutateFreeze<Self::AccountId>;

		/// QQQ: the supernode pool arrives and rewards are paid in it.
		type Qqq: Mutate<Self::AccountId>;

		/// Turns QAS amounts into the `u64` vote weights of Phragmén and supports back
		/// into QAS, scaled by the total issuance so that no vote overflows (the runtime's
		/// is `U128CurrencyToVote`, as for `pallet-elections-phragmen`).
		type CurrencyToVote: sp_staking::currency_to_vote::CurrencyToVote<QasOf<Self>>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The overarching freeze reason.
		type RuntimeFreezeReason: From<FreezeReason>;

		/// The era clock (owned by the proof-of-resource pallet).
		type Clock: EraClock;

		/// Miners and their accepted power (owned by the proof-of-resource pallet).
		type Miners: ProvenPower<Self::AccountId>;

		/// Where a pool goes when there are no supernodes.
		type Treasury: TreasuryAccount<Self::AccountId>;

		/// Whether an account has registered session keys (the session pallet knows).
		type SessionKeys: SessionKeysRegistered<Self::AccountId>;

		/// Seed of the account the supernode pool is paid into and rewards are paid from.
		/// It holds QQQ's existential deposit from genesis; rewards are paid keeping it
		/// alive, so everything above it belongs to supernodes and their backers.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// QAS a candidate holds: a stake in serving well. The amount held is recorded per
		/// candidate, so the value may change (a runtime may make it governable) without
		/// touching the bonds already held. Not a metadata constant for that reason.
		type CandidacyBond: Get<QasOf<Self>>;

		/// Smallest vote: keeps [`Config::MaxVoters`] from being filled with dust votes.
		#[pallet::constant]
		type MinVote: Get<QasOf<Self>>;

		/// Least backing a seat needs: a candidate stands in an election only with this much
		/// backing from *other* accounts' votes (`amount / k` of a vote for `k`
		/// candidates), and is elected only with this much of Phragmén's support. A seat,
		/// and so a validator's place, is never won with a token vote, nor with the bond
		/// alone voting for itself ([`election`]).
		#[pallet::constant]
		type MinBacking: Get<QasOf<Self>>;

		/// Least part of [`Config::CandidacyBond`] a validator loses for an offence
		/// (see [`offences`]), whatever part the offence itself names.
		#[pallet::constant]
		type MinEquivocationSlash: Get<Perbill>;

		/// Most candidates at a time.
		#[pallet::constant]
		type MaxCandidates: Get<u32>;

		/// Most voters at a time.
		#[pallet::constant]
		type MaxVoters: Get<u32>;

		/// Most candidates one vote may name.
		#[pallet::constant]
		type MaxVotesPerVoter: Get<u32>;

		/// Most supernodes an election may elect (and bound of the validator set).
		#[pallet::constant]
		type MaxSupernodes: Get<u32>;

		/// Most runners-up an election may elect.
		#[pallet::constant]
		type MaxRunnersUp: Get<u32>;

		/// Longest term governance may set, in eras.
		#[pallet::constant]
		type MaxTermLength: Get<EraIndex>;

		/// Highest commission a candidate may set.
		#[pallet::constant]
		type MaxCommission: Get<Perbill>;

		/// A candidate must have had accepted power in the current era or one of this many
		/// eras before it.
		#[pallet::constant]
		type MinProvenEras: Get<EraIndex>;

		/// Eras after the last era a candidate validated in during which its bond stays
		/// held, should its candidacy end: the eras (sessions) whose offences can still be
		/// reported, so that no validator leaves with its bond before its last offences can
		/// be.
		#[pallet::constant]
		type ReportWindowEras: Get<EraIndex>;

		/// Who may change [`ElectionParams`] (the `network_params` governance track).
		type ParamsOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls and hooks, measured by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The candidates.
	#[pallet::storage]
	pub type Candidates<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, Candidate<QasOf<T>>, OptionQuery>;

	/// Bonds of ended candidacies still within reach of offence reports
	/// ([`retired_bonds`]).
	#[pallet::storage]
	pub type RetiredBonds<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, RetiredBond<QasOf<T>>, OptionQuery>;

	/// The voters and their votes.
	#[pallet::storage]
	pub type Voters<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, VoterOf<T>, OptionQuery>;

	/// Each voter's place in the voter list, sorted in bags by amount (see [`voter_list`]).
	#[pallet::storage]
	pub type VoterListNodes<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, voter_list::ListNode<T::AccountId>, OptionQuery>;

	/// The first and last voter of each non-empty bag of the voter list.
	#[pallet::storage]
	pub type VoterBags<T: Config> =
		StorageMap<_, Twox64Concat, voter_list::BagIndex, voter_list::Bag<T::AccountId>, OptionQuery>;

	/// Bit `b` is set when bag `b` of the voter list has voters.
	#[pallet::storage]
	pub type NonEmptyBags<T: Config> = StorageValue<_, u128, ValueQuery>;

	/// What backs each account voted for, for the sharing of supernode pools.
	#[pallet::storage]
	pub type Backings<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Backing, OptionQuery>;

	/// The votes for a candidate that earn from an era, by candidate and era (see
	/// [`backing`]).
	#[pallet::storage]
	pub type BackingCohorts<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		EraIndex,
		BackingCohort,
		OptionQuery,
	>;

	/// Candidates found without [`Config::MinBacking`] of backing by others at the election
	/// of the term given; dropped if they still lack it at the next one, and until then a
	/// newcomer may take their place in a full candidate list.
	#[pallet::storage]
	pub type UnbackedCandidates<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, TermIndex, OptionQuery>;

	/// The last era whose supernode pool was shared.
	#[pallet::storage]
	pub type LastSharedEra<T: Config> = StorageValue<_, EraIndex, OptionQuery>;

	/// The validators of each era not yet shared, as the session pallet made them at the
	/// era's start (sessions are eras): an era's pool goes to the validators that produced
	/// its blocks, whoever holds the seats when it settles. Removed when the era is shared.
	#[pallet::storage]
	pub type EraValidators<T: Config> =
		StorageMap<_, Twox64Concat, EraIndex, BoundedVec<T::AccountId, T::MaxSupernodes>, ValueQuery>;

	/// Blocks each validator authored in an era not yet shared: a validator that authored
	/// none in an era gets nothing of that era's pool. Removed when the era is shared.
	#[pallet::storage]
	pub type AuthoredBlocks<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EraIndex, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The supernodes of the current term, in the order the election chose them.
	#[pallet::storage]
	pub type Supernodes<T: Config> = StorageValue<_, ElectedOf<T>, ValueQuery>;

	/// The runners-up of the last election, in order.
	#[pallet::storage]
	pub type RunnersUp<T: Config> = StorageValue<_, ElectedOf<T>, ValueQuery>;

	/// How elections are run.
	#[pallet::storage]
	pub type Params<T: Config> = StorageValue<_, ElectionParams, ValueQuery>;

	/// The current term (0 from genesis).
	#[pallet::storage]
	pub type CurrentTerm<T: Config> = StorageValue<_, TermIndex, ValueQuery>;

	/// The era at whose start the next election is held.
	#[pallet::storage]
	pub type NextElectionEra<T: Config> = StorageValue<_, EraIndex, ValueQuery>;

	/// The era at whose start the current term began: a pool is shared with the
	/// commissions of the term its era belongs to, not of the term in which it is shared.
	#[pallet::storage]
	pub type TermStartEra<T: Config> = StorageValue<_, EraIndex, ValueQuery>;

	/// The validator set last handed to the session pallet.
	#[pallet::storage]
	pub type PlannedValidators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxSupernodes>, ValueQuery>;

	/// A commission increase and the term from which it applies: the term after the next,
	/// so that backers see it for a whole term, and an election, before it takes their
	/// rewards (docs/security.md, attack 3).
	#[pallet::storage]
	pub type PendingCommission<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (TermIndex, Perbill), OptionQuery>;

	/// QQQ an account is owed and has not claimed: commissions, and rewards settled when
	/// a vote changed.
	#[pallet::storage]
	pub type UnclaimedRewards<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, QqqOf<T>, ValueQuery>;

	/// The books of the supernode pool: received, paid to supernodes and voters, sent to
	/// the treasury (pools of eras without supernodes, parts of offline supernodes), and
	/// carried to the next pool (what dividing a pool equally among the supernodes left
	/// over, a part the treasury could not take).
	#[pallet::storage]
	pub type Ledger<T: Config> = StorageValue<_, PoolLedger<QqqOf<T>>, ValueQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Eras per term.
		pub term_length: EraIndex,
		/// Supernodes per election.
		pub desired_supernodes: u32,
		/// Runners-up per election.
		pub desired_runners_up: u32,
		/// Fewest supernodes with session keys that may take over block production.
		pub min_validators: u32,
		/// Candidates from genesis, with their commission in percent. They hold the
		/// candidacy bond like any candidate; the miner requirement applies to later ones.
		pub candidates: Vec<(T::AccountId, u8)>,
		/// Votes from genesis: voter, QAS amount (base units), targets.
		pub voters: Vec<(T::AccountId, u128, Vec<T::AccountId>)>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		/// [`ElectionParams::default`], within the runtime's bounds; no candidates.
		fn default() -> Self {
			let params = ElectionParams::default();
			let desired_supernodes = params.desired_supernodes.min(T::MaxSupernodes::get());
			Self {
				term_length: params.term_length.min(T::MaxTermLength::get()),
				desired_supernodes,
				desired_runners_up: params.desired_runners_up.min(T::MaxRunnersUp::get()),
				min_validators: params.min_validators.min(desired_supernodes),
				candidates: Vec::new(),
				voters: Vec::new(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let params = ElectionParams {
				term_length: self.term_length,
				desired_supernodes: self.desired_supernodes,
				desired_runners_up: self.desired_runners_up,
				min_validators: self.min_validators,
			};
			Pallet::<T>::ensure_valid_params(&params).expect("invalid genesis election parameters");
			Params::<T>::put(params);
			for (who, commission) in &self.candidates {
				let commission = Perbill::from_percent((*commission).into());
				Pallet::<T>::add_candidate(who, commission).expect("a genesis candidate is invalid");
			}
			for (who, amount, targets) in &self.voters {
				let amount = QasOf::<T>::unique_saturated_from(*amount);
				let targets = BoundedVec::try_from(targets.clone()).expect("a genesis vote names too many candidates");
				Pallet::<T>::do_vote(who.clone(), targets, amount, T::Clock::current_era())
					.expect("a genesis vote is invalid");
			}
			// The genesis candidates are the supernodes of term 0.
			Pallet::<T>::elect(0);

			poseidon_primitives::pools::endow_with_existential_deposit::<T::AccountId, T::Qqq>(
				&Pallet::<T>::pool_account(),
			);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` stands for election, holding `bond` QAS, with `commission`.
		CandidacySubmitted { who: T::AccountId, bond: QasOf<T>, commission: Perbill },
		/// `who` no longer stands; its `bond` is released (zero if it is kept as a retired
		/// bond, [`Event::BondRetired`]).
		CandidacyRenounced { who: T::AccountId, bond: QasOf<T> },
		/// `who`'s candidacy ended within the report window of the last era it validated
		/// in: its `bond` stays held until era `release_era`.
		BondRetired { who: T::AccountId, bond: QasOf<T>, release_era: EraIndex },
		/// `who` withdrew its retired bond of `bond` QAS.
		RetiredBondReleased { who: T::AccountId, bond: QasOf<T> },
		/// `who`, a candidate without the backing a seat needs, made room for `by` in a full
		/// candidate list; its `bond` is released.
		CandidateDisplaced { who: T::AccountId, by: T::AccountId, bond: QasOf<T> },
		/// `who` no longer stands: it lacked the backing to be elected for a whole term, or
		/// lost its standing ([`Event::CandidateIneligible`]) and serves no term. What is
		/// left of its bond, `bond`, is released.
		CandidateDropped { who: T::AccountId, bond: QasOf<T> },
		/// `who` may no longer stand, for `reason`, at the election of term `term`: it is left
		/// out of it, unless it is a sitting supernode (and `reason` is not an offence),
		/// which stands to keep its seat against candidates with less backing. Its
		/// candidacy ends unless it serves on.
		CandidateIneligible { who: T::AccountId, term: TermIndex, reason: Ineligibility },
		/// Validator `who` committed an offence in `session` (an equivocation): `slashed`
		/// QAS of its candidacy bond went to the treasury, `bond_left` is still held, and
		/// it will not be elected again in this candidacy.
		OffenceSlashed { who: T::AccountId, session: u32, slashed: QasOf<T>, bond_left: QasOf<T> },
		/// `who` set its commission, in force from now on.
		CommissionSet { who: T::AccountId, commission: Perbill },
		/// `who` raised its commission; the new one applies to the pools of eras from term
		/// `from_term` on (the term after the next).
		CommissionScheduled { who: T::AccountId, commission: Perbill, from_term: TermIndex },
		/// `who` votes for `targets` with `amount` QAS locked.
		/// Its backing earns from the supernode pool of era `earns_from` on.
		Voted { who: T::AccountId, amount: QasOf<T>, targets: Vec<T::AccountId>, earns_from: EraIndex },
		/// `who` removed its vote; its QAS is unlocked.
		VoterRemoved { who: T::AccountId },
		/// The voter set was full: `who`, one of the smallest voters, made room for `by`,
		/// who votes more. Its QAS is unlocked and what it earned stays claimable.
		VoterEvicted { who: T::AccountId, by: T::AccountId },
		/// Term `term` begins with these supernodes (and the support Phragmén gave each)
		/// and runners-up.
		NewTerm {
			term: TermIndex,
			supernodes: Vec<(T::AccountId, QasOf<T>)>,
			runners_up: Vec<T::AccountId>,
		},
		/// The election of term `term` elected only `elected` supernodes, fewer than
		/// `min_validators`: the supernodes of the last term serve another term.
		SupernodesKept { term: TermIndex, elected: u32 },
		/// These supernodes, which have session keys, validate from the next session.
		ValidatorsPlanned { validators: Vec<T::AccountId> },
		/// `era`'s supernode pool of `amount` QQQ (with what was carried from before) was
		/// divided among `supernodes`, the validators of `era`.
		PoolShared { era: EraIndex, amount: QqqOf<T>, supernodes: u32 },
		/// `era` had no validator on record: its pool of `amount` QQQ went to the treasury.
		PoolSentToTreasury { era: EraIndex, amount: QqqOf<T> },
		/// Validator `who` authored no block in `era`: its `forfeited` part of the pool went
		/// to the treasury.
		SupernodeOffline { era: EraIndex, who: T::AccountId, forfeited: QqqOf<T> },
		/// `who` was paid `amount` QQQ of commission and backers' rewards.
		RewardsClaimed { who: T::AccountId, amount: QqqOf<T> },
		/// Elections from the next one on follow `params`.
		ElectionParamsSet { params: ElectionParams },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is a candidate already.
		AlreadyCandidate,
		/// The account's bond of an ended candidacy is still held: it may stand again once
		/// it has withdrawn it.
		RetiredBondHeld,
		/// The account has no retired bond.
		NoRetiredBond,
		/// The retired bond is still within reach of offence reports: it is released from
		/// its `release_era` on.
		RetiredBondAtRisk,
		/// The account is not a candidate.
		NotCandidate,
		/// Only registered miners may stand.
		NotAMiner,
		/// The miner has had no accepted power in the current era or the
		/// [`Config::MinProvenEras`] eras before it.
		NoRecentPower,
		/// [`Config::MaxCandidates`] candidates stand already.
		TooManyCandidates,
		/// The commission is above [`Config::MaxCommission`].
		CommissionTooHigh,
		/// The account does not have that much QAS.
		InsufficientQas,
		/// A supernode cannot renounce during its term.
		StillSupernode,
		/// A vote must name at least one candidate.
		NoTargets,
		/// A vote names a candidate twice.
		DuplicateTarget,
		/// A vote names an account that is not a candidate.
		TargetNotCandidate,
		/// The vote is below [`Config::MinVote`].
		VoteTooSmall,
		/// [`Config::MaxVoters`] accounts vote already, none with less QAS than this vote.
		TooManyVoters,
		/// The account has no vote.
		NotVoter,
		/// The account has no rewards to claim.
		NothingToClaim,
		/// A candidate has more waiting cohorts of votes than can wait at once (only
		/// possible if settlement fell several eras behind).
		TooManyWaitingVotes,
		/// Election parameters out of bounds: a term of 1 to [`Config::MaxTermLength`]
		/// eras, 1 to [`Config::MaxSupernodes`] supernodes, at most
		/// [`Config::MaxRunnersUp`] runners-up, and 1 to `desired_supernodes` validators.
		InvalidParams,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Holds the election when a term begins. Also charges the [`Pallet::note_author`]
		/// call the runtime makes every block (through `pallet-authorship`, which charges
		/// nothing for it).
		fn on_initialize(_now: BlockNumberFor<T>) -> Weight {
			let note_author = T::DbWeight::get().reads_writes(2, 1);
			if T::Clock::current_era() < NextElectionEra::<T>::get() {
				return T::WeightInfo::on_initialize_no_election().saturating_add(note_author);
			}
			let voters = Voters::<T>::count();
			Self::elect(CurrentTerm::<T>::get().saturating_add(1));
			T::WeightInfo::elect(voters)
				.saturating_add(Self::candidate_review_weight())
				.saturating_add(note_author)
		}

		fn integrity_test() {
			assert!(T::MaxVotesPerVoter::get() > 0, "a vote must be able to name a candidate");
			assert!(T::MaxSupernodes::get() > 0);
			assert!(T::MaxCandidates::get() > 0);
			assert!(T::MaxTermLength::get() > 0);
			assert!(
				T::CandidacyBond::get() >= T::Qas::minimum_balance(),
				"a bond below the existential deposit could not be held"
			);
			let block = <T as frame_system::Config>::BlockWeights::get().max_block;
			let election = T::WeightInfo::elect(T::MaxVoters::get()).saturating_add(Self::candidate_review_weight());
			let budget = ELECTION_BLOCK_SHARE * block;
			assert!(
				election.all_lte(budget),
				"the election at the configured maxima ({election:?}) takes more than its share \
				 of the block ({budget:?})"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Stand for election as a supernode, keeping `commission` of the supernode pool
		/// share when elected.
		///
		/// Only a registered miner with accepted power in the current era or one of the
		/// [`Config::MinProvenEras`] before it; holds [`Config::CandidacyBond`] QAS.
		///
		/// When [`Config::MaxCandidates`] stand already, the caller takes the place of the
		/// weakest candidate that lacked [`Config::MinBacking`] of backing by others at the
		/// last election and still does (its bond is released,
		/// [`Event::CandidateDisplaced`]); if there is none, the call fails with
		/// [`Error::TooManyCandidates`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit_candidacy().saturating_add(Pallet::<T>::displacement_weight()))]
		pub fn submit_candidacy(origin: OriginFor<T>, commission: Perbill) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let displaced = Self::do_submit_candidacy(who, commission)?;
			Ok((!displaced).then(|| T::WeightInfo::submit_candidacy()).into())
		}

		/// Stop standing for election and release the candidacy bond.
		///
		/// A supernode serves its term out and may renounce once an election has not
		/// re-elected it. Votes naming the account stay as they are and count for nothing.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::renounce_candidacy())]
		pub fn renounce_candidacy(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_renounce_candidacy(who)
		}

		/// Release the caller's retired bond ([`RetiredBond`]), once the eras whose offences
		/// could still cost it have passed.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::withdraw_retired_bond())]
		pub fn withdraw_retired_bond(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_retired_bond(who)
		}

		/// Change the caller's commission: a decrease from the next pool on; an increase
		/// from the term after the next (announced a whole term ahead), so that no
		/// candidate can take more from backers who have not had a term and an election to
		/// leave it.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_commission())]
		pub fn set_commission(origin: OriginFor<T>, commission: Perbill) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_commission(who, commission)
		}

		/// Vote for up to [`Config::MaxVotesPerVoter`] candidates with `amount` QAS, which
		/// stays locked until the vote is removed. A new vote replaces the caller's old
		/// one; rewards the old vote earned are kept for [`Pallet::claim_rewards`]. The
		/// vote shares supernode pools from the next era's on, so a vote cast just before
		/// a pool arrives earns nothing of it. When [`Config::MaxVoters`] vote already, a
		/// new voter with more QAS than one of the smallest voters takes its place.
		#[pallet::call_index(3)]
		#[pallet::weight(
			T::WeightInfo::vote(T::MaxVotesPerVoter::get())
				.saturating_add(T::WeightInfo::remove_voter(T::MaxVotesPerVoter::get()))
		)]
		pub fn vote(
			origin: OriginFor<T>,
			targets: BoundedVec<T::AccountId, T::MaxVotesPerVoter>,
			#[pallet::compact] amount: QasOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let evicted = Self::do_vote(who, targets, amount, Self::next_earning_era())?;
			// Evicting a voter costs about what removing a vote does.
			Ok((!evicted).then(|| T::WeightInfo::vote(T::MaxVotesPerVoter::get())).into())
		}

		/// Remove the caller's vote and unlock its QAS; rewards it earned are kept for
		/// [`Pallet::claim_rewards`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::remove_voter(T::MaxVotesPerVoter::get()))]
		pub fn remove_voter(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_voter(who)
		}

		/// Pay the caller what it is owed: its commission as a supernode and what its vote
		/// earned from the supernodes it backs.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::claim_rewards(T::MaxVotesPerVoter::get()))]
		pub fn claim_rewards(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_rewards(who)
		}

		/// Set how elections are run, from the next election on.
		///
		/// Only [`Config::ParamsOrigin`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_election_params())]
		pub fn set_election_params(origin: OriginFor<T>, params: ElectionParams) -> DispatchResult {
			T::ParamsOrigin::ensure_origin(origin)?;
			Self::ensure_valid_params(&params)?;
			Params::<T>::put(params);
			Self::deposit_event(Event::ElectionParamsSet { params });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The account the supernode pool is paid into and rewards are paid from.
		pub fn pool_account() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// Whether `who` is a supernode of the current term.
		pub fn is_supernode(who: &T::AccountId) -> bool {
			Supernodes::<T>::get().iter().any(|elected| &elected.who == who)
		}

		/// `author` authored the current block: the runtime calls this every block (its
		/// `pallet-authorship` event handler). A validator that authors nothing in an era
		/// earns nothing of that era's pool.
		pub fn note_author(author: &T::AccountId) {
			AuthoredBlocks::<T>::mutate(T::Clock::current_era(), author, |blocks| {
				*blocks = blocks.saturating_add(1)
			});
		}

		/// `validators` validate the era that starts now: the runtime calls this at every
		/// session start, genesis included (sessions are eras). That era's pool is shared
		/// among them. More than [`Config::MaxSupernodes`] cannot be planned; should a
		/// genesis configuration name more, the first ones count.
		pub fn note_era_validators(validators: Vec<T::AccountId>) {
			let era = T::Clock::current_era();
			for validator in &validators {
				Candidates::<T>::mutate(validator, |maybe_candidate| {
					if let Some(candidate) = maybe_candidate {
						candidate.last_validated = Some(era);
					}
				});
			}
			EraValidators::<T>::insert(era, BoundedVec::truncate_from(validators));
		}

		/// What the election's review of the candidates may add to the benchmarked
		/// election: for each candidate its standing (miner registry and the
		/// [`Config::MinProvenEras`] + 1 eras of power) and its unbacked mark, and for a
		/// dropped one its record, hold and account.
		pub(crate) fn candidate_review_weight() -> Weight {
			let candidates = u64::from(T::MaxCandidates::get());
			let standing_reads = u64::from(T::MinProvenEras::get()).saturating_add(2);
			T::DbWeight::get().reads_writes(
				candidates.saturating_mul(standing_reads.saturating_add(4)),
				candidates.saturating_mul(5),
			)
		}

		/// Checks `params` against the configured bounds.
		pub(crate) fn ensure_valid_params(params: &ElectionParams) -> DispatchResult {
			let valid = (1..=T::MaxTermLength::get()).contains(&params.term_length) &&
				(1..=T::MaxSupernodes::get()).contains(&params.desired_supernodes) &&
				params.desired_runners_up <= T::MaxRunnersUp::get() &&
				(1..=params.desired_supernodes).contains(&params.min_validators);
			ensure!(valid, Error::<T>::InvalidParams);
			Ok(())
		}

		/// Checks the pallet's invariants (after every unit test and by try-runtime): bonds
		/// held match the candidates, locks match the votes, every backing is the sum of
		/// the votes for it, and the pool account covers what is owed.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::BTreeMap;
			use sp_runtime::traits::{Saturating, Zero};
			let bond_reason: T::RuntimeHoldReason = HoldReason::CandidacyBond.into();
			for (who, retired) in RetiredBonds::<T>::iter() {
				ensure!(!Candidates::<T>::contains_key(&who), "a candidate also has a retired bond");
				ensure!(
					T::Qas::balance_on_hold(&bond_reason, &who) == retired.bond,
					"a retired bond differs from what is held"
				);
				ensure!(retired.bond <= retired.posted, "a retired bond exceeds the bond posted");
			}
			let mut candidates = 0u32;
			for (who, candidate) in Candidates::<T>::iter() {
				ensure!(
					T::Qas::balance_on_hold(&bond_reason, &who) == candidate.bond,
					"a candidate's held bond differs from its record"
				);
				ensure!(candidate.commission <= T::MaxCommission::get(), "a commission is too high");
				candidates += 1;
			}
			ensure!(Candidates::<T>::count() == candidates, "the candidate count is wrong");
			ensure!(
				UnbackedCandidates::<T>::iter_keys().all(|who| Candidates::<T>::contains_key(&who)),
				"a non-candidate is marked unbacked"
			);
			let serving = Supernodes::<T>::get().into_iter().chain(RunnersUp::<T>::get());
			ensure!(
				serving.into_iter().all(|elected| !UnbackedCandidates::<T>::contains_key(&elected.who)),
				"a supernode or runner-up is marked unbacked"
			);
			for (who, (_, commission)) in PendingCommission::<T>::iter() {
				ensure!(Candidates::<T>::contains_key(&who), "a commission is pending for a non-candidate");
				ensure!(commission <= T::MaxCommission::get(), "a pending commission is too high");
			}
			ensure!(candidates <= T::MaxCandidates::get(), "too many candidates");

			let vote_reason: T::RuntimeFreezeReason = FreezeReason::Vote.into();
			let mut expected: BTreeMap<T::AccountId, (Stake, u32)> = BTreeMap::new();
			let mut unread_cohorts: BTreeMap<(T::AccountId, EraIndex), u32> = BTreeMap::new();
			let mut owed_to_voters = QqqOf::<T>::zero();
			let mut voters = 0u32;
			for (who, voter) in Voters::<T>::iter() {
				ensure!(
					T::Qas::balance_frozen(&vote_reason, &who) == voter.amount,
					"a voter's lock differs from its vote"
				);
				ensure!(!voter.targets.is_empty(), "a vote without targets is stored");
				for target in &voter.targets {
					let entry = expected.entry(target.candidate.clone()).or_default();
					entry.0 = entry.0.saturating_add(voter.stake_per_target);
					entry.1 += 1;
					if target.reward_per_stake_paid.is_none() {
						*unread_cohorts.entry((target.candidate.clone(), voter.earns_from)).or_default() += 1;
					}
				}
				owed_to_voters.saturating_accrue(Self::earned_by_vote(&voter));
				voters += 1;
			}
			ensure!(Voters::<T>::count() == voters, "the voter count is wrong");
			ensure!(voters <= T::MaxVoters::get(), "too many voters");
			Self::check_voter_list()?;
			for (who, backing) in Backings::<T>::iter() {
				let (stake, count) = expected.remove(&who).unwrap_or_default();
				let waiting = backing.waiting.iter().try_fold(Stake::zero(), |sum, era| {
					let cohort = BackingCohorts::<T>::get(&who, era).ok_or("a waiting cohort is missing")?;
					ensure!(cohort.joined_at.is_none(), "a joined cohort is still listed as waiting");
					Ok::<_, &'static str>(sum.saturating_add(cohort.stake))
				})?;
				ensure!(backing.stake.saturating_add(waiting) == stake, "a backing differs from the votes for it");
				ensure!(backing.voters == count && count > 0, "a backing's voter count is wrong");
			}
			ensure!(expected.is_empty(), "a vote names an account without a backing record");
			for ((who, era), unread) in unread_cohorts {
				let cohort = BackingCohorts::<T>::get(&who, era).ok_or("a vote's cohort is missing")?;
				ensure!(cohort.unread == unread, "a cohort's unread count differs from its votes");
			}
			ensure!(
				BackingCohorts::<T>::iter().all(|(_, _, cohort)| cohort.unread > 0),
				"a cohort without votes is stored"
			);

			let supernodes = Supernodes::<T>::get();
			ensure!(
				supernodes.iter().all(|elected| Candidates::<T>::contains_key(&elected.who)),
				"a supernode is not a candidate"
			);
			let last_shared = LastSharedEra::<T>::get();
			ensure!(
				EraValidators::<T>::iter_keys().all(|era| last_shared.is_none_or(|last| era > last)),
				"the validators of a shared era are still stored"
			);
			ensure!(
				AuthoredBlocks::<T>::iter_keys().all(|(era, _)| last_shared.is_none_or(|last| era > last)),
				"the authors of a shared era are still stored"
			);

			let unclaimed = UnclaimedRewards::<T>::iter_values()
				.fold(QqqOf::<T>::zero(), |sum, amount| sum.saturating_add(amount));
			let held = T::Qqq::reducible_balance(
				&Self::pool_account(),
				frame_support::traits::tokens::Preservation::Preserve,
				frame_support::traits::tokens::Fortitude::Polite,
			);
			Ledger::<T>::get().ensure_covers(owed_to_voters.saturating_add(unclaimed), held)?;
			Ok(())
		}
	}
}

//! A small runtime for the pallet's tests: System, QQQ and QAS balances and this pallet,
//! with a hand-driven era clock, a miner registry the tests fill in (its miners prove
//! every era until a test stops them), and a session-key registry. The tests play the
//! revenue pallet's part themselves: [`settle`] pays an era's supernode pool into the
//! pool account and announces it.

use crate::{self as pallet_supernodes, ElectionParams};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::Mutate, ConstU32, Hooks},
	PalletId,
};
pub use poseidon_primitives::testing::{set_power, CurrentEra};
use poseidon_primitives::{
	era::EraIndex,
	pools::RewardPool,
	testing::{self, TestClock, TestPower, TreasuryAt},
};
use sp_runtime::{traits::AccountIdConversion, BuildStorage, Perbill};
use std::collections::BTreeSet;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		QasBalances: pallet_balances::<Instance2>,
		Supernodes: pallet_supernodes,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

/// QQQ.
#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type MaxFreezes = frame_support::traits::VariantCountOf<RuntimeFreezeReason>;
}

/// QAS, with its balances in its own map, as in the runtime.
#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config<pallet_balances::Instance2> for Test {
	type AccountStore = frame_support::traits::StorageMapShim<
		pallet_balances::Account<Test, pallet_balances::Instance2>,
		u64,
		pallet_balances::AccountData<u64>,
	>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = ConstU32<2>;
}

/// The company account.
pub const TREASURY: u64 = 99;
/// Where the tests' pools come from (the revenue pallet's pot).
pub const REVENUE_POT: u64 = 98;
/// Miners that may stand: 11 … 16 (A … F).
pub const A: u64 = 11;
pub const B: u64 = 12;
pub const C: u64 = 13;
pub const D: u64 = 14;
pub const E: u64 = 15;
pub const F: u64 = 16;
/// Voters: 21 … 25.
pub const V1: u64 = 21;
pub const V2: u64 = 22;
pub const V3: u64 = 23;
pub const V4: u64 = 24;
pub const V5: u64 = 25;
/// Has QAS but is not a miner.
pub const NOT_A_MINER: u64 = 30;
/// A miner without QAS.
pub const POOR_MINER: u64 = 31;
/// QAS every account but [`POOR_MINER`] starts with.
pub const QAS_ENDOWMENT: u64 = 10_000;
/// The candidacy bond.
pub const BOND: u64 = 1_000;
/// Terms last this many eras in the tests.
pub const TERM: EraIndex = 3;

parameter_types! {
	pub const SupernodesPalletId: PalletId = PalletId(*b"py/supnd");
	pub static CandidacyBond: u64 = BOND;
	pub const MinEquivocationSlash: Perbill = Perbill::from_percent(10);
	pub const MinVote: u64 = 10;
	pub static MinBacking: u64 = 10;
	pub const MaxCommission: Perbill = Perbill::from_percent(50);
}

thread_local! {
	/// Miners that prove every era: [`next_era`] gives them power in the era it starts.
	static PROVING: RefCell<BTreeSet<u64>> = RefCell::new(BTreeSet::new());
	static KEYED: RefCell<BTreeSet<u64>> = RefCell::new(BTreeSet::new());
}

/// Session keys: the accounts in `KEYED` have them.
pub struct SessionKeys;
impl crate::SessionKeysRegistered<u64> for SessionKeys {
	fn has_session_keys(who: &u64) -> bool {
		KEYED.with(|k| k.borrow().contains(who))
	}
}

impl pallet_supernodes::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Qas = QasBalances;
	type Qqq = Balances;
	/// The tests' QAS amounts fit in `u64` as they are.
	type CurrencyToVote = sp_staking::currency_to_vote::SaturatingCurrencyToVote;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type Clock = TestClock;
	type Miners = TestPower;
	type Treasury = TreasuryAt<TREASURY>;
	type SessionKeys = SessionKeys;
	type PalletId = SupernodesPalletId;
	type CandidacyBond = CandidacyBond;
	type MinVote = MinVote;
	type MinBacking = MinBacking;
	type MinEquivocationSlash = MinEquivocationSlash;
	type MaxCandidates = ConstU32<6>;
	type MaxVoters = ConstU32<5>;
	type MaxVotesPerVoter = ConstU32<3>;
	type MaxSupernodes = ConstU32<4>;
	type MaxRunnersUp = ConstU32<2>;
	type MaxTermLength = ConstU32<10>;
	type MaxCommission = MaxCommission;
	type MinProvenEras = ConstU32<2>;
	type ReportWindowEras = ConstU32<2>;
	type ParamsOrigin = frame_system::EnsureRoot<u64>;
	type WeightInfo = ();
}

/// Registers `who` as a miner with accepted power in the current era and every era after.
pub fn make_miner(who: u64) {
	testing::register_miner(who);
	PROVING.with(|p| p.borrow_mut().insert(who));
	set_power(CurrentEra::get(), who, 1_000);
}

/// `who` stays a registered miner but proves nothing from the next era on.
pub fn stop_proving(who: u64) {
	PROVING.with(|p| p.borrow_mut().remove(&who));
}

/// `who` is no longer a registered miner (and so proves nothing).
pub fn deregister_miner(who: u64) {
	stop_proving(who);
	testing::deregister_miner(who);
}

/// Registers session keys for `who`.
pub fn set_keys(who: u64) {
	KEYED.with(|k| k.borrow_mut().insert(who));
}

/// The pool account.
pub fn pool() -> u64 {
	SupernodesPalletId::get().into_account_truncating()
}

/// The election parameters of the tests: terms of [`TERM`] eras, two supernodes, one
/// runner-up, one validator at least.
pub fn test_params() -> ElectionParams {
	ElectionParams { term_length: TERM, desired_supernodes: 2, desired_runners_up: 1, min_validators: 1 }
}

/// The pallet's genesis in the tests: [`test_params`], no candidates and no votes.
pub fn test_genesis() -> pallet_supernodes::GenesisConfig<Test> {
	let params = test_params();
	pallet_supernodes::GenesisConfig::<Test> {
		term_length: params.term_length,
		desired_supernodes: params.desired_supernodes,
		desired_runners_up: params.desired_runners_up,
		min_validators: params.min_validators,
		candidates: vec![],
		voters: vec![],
	}
}

/// Era 0, the default minimum backing, and no miners, power or session keys: what the
/// thread-local parts of the mock hold before a test sets them.
pub fn reset_miners() {
	testing::reset();
	MinBacking::set(10);
	CandidacyBond::set(BOND);
	PROVING.with(|p| p.borrow_mut().clear());
	KEYED.with(|k| k.borrow_mut().clear());
}

/// Genesis without candidates, at block 1 of era 0. A … F and [`POOR_MINER`] are miners
/// with power in era 0, proving every era.
pub fn new_test_ext() -> sp_io::TestExternalities {
	reset_miners();
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(V1, 10), (TREASURY, 1), (REVENUE_POT, 1_000_000), (pool(), 1)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let qas_holders = [A, B, C, D, E, F, V1, V2, V3, V4, V5, NOT_A_MINER];
	pallet_balances::GenesisConfig::<Test, pallet_balances::Instance2> {
		balances: qas_holders.iter().map(|&who| (who, QAS_ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	test_genesis().assimilate_storage(&mut storage).unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		for who in [A, B, C, D, E, F, POOR_MINER] {
			make_miner(who);
		}
	});
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Supernodes::do_try_state().expect("the supernodes invariants hold after the test");
	});
}

/// Starts the next era, in which every proving miner has power, and runs the pallet's
/// block hook, as the runtime would. The supernodes after the hook (a new term's, at an
/// election) validate the era: the mock has no one-session delay between an election and
/// the set it elects, which the runtime's tests cover.
pub fn next_era() {
	CurrentEra::set(CurrentEra::get() + 1);
	for who in PROVING.with(|p| p.borrow().clone()) {
		set_power(CurrentEra::get(), who, 1_000);
	}
	System::set_block_number(System::block_number() + 1);
	Supernodes::on_initialize(System::block_number());
	Supernodes::note_era_validators(supernodes());
}

/// Moves to the start of the next term, where the election is held.
pub fn next_term() {
	let target = crate::NextElectionEra::<Test>::get();
	while CurrentEra::get() < target {
		next_era();
	}
}

/// Plays the revenue pallet: pays `amount` QQQ as `era`'s supernode pool into the pool
/// account and announces it, every validator of `era` having authored a block in it. An
/// era that [`next_era`] did not start (the genesis era) is validated by the supernodes.
pub fn settle(era: EraIndex, amount: u64) {
	if !crate::EraValidators::<Test>::contains_key(era) {
		crate::EraValidators::<Test>::insert(era, frame_support::BoundedVec::truncate_from(supernodes()));
	}
	for who in crate::EraValidators::<Test>::get(era) {
		crate::AuthoredBlocks::<Test>::insert(era, who, 1);
	}
	settle_as_authored(era, amount);
}

/// [`settle`], with only the validators that authored blocks in `era` (recorded with
/// `Supernodes::note_author`) counting as online. The eras before it that were not
/// settled yet are announced first with empty pools, as the revenue pallet settles every
/// era, in order.
pub fn settle_as_authored(era: EraIndex, amount: u64) {
	let first_unsettled = crate::LastSharedEra::<Test>::get().map_or(0, |last| last + 1);
	for skipped in first_unsettled..era {
		<Supernodes as RewardPool<u64, u64>>::on_pool_received(skipped, 0);
	}
	if amount > 0 {
		Balances::transfer(&REVENUE_POT, &pool(), amount, frame_support::traits::tokens::Preservation::Expendable)
			.unwrap();
	}
	<Supernodes as RewardPool<u64, u64>>::on_pool_received(era, amount);
}

/// `who` stands with `commission` percent.
pub fn stand(who: u64, commission: u32) {
	frame_support::assert_ok!(Supernodes::submit_candidacy(
		RuntimeOrigin::signed(who),
		Perbill::from_percent(commission)
	));
}

/// `who` votes `amount` QAS for `targets`.
pub fn vote(who: u64, targets: Vec<u64>, amount: u64) {
	frame_support::assert_ok!(Supernodes::vote(RuntimeOrigin::signed(who), bounded(targets), amount));
}

/// `targets` as a vote's bounded list.
pub fn bounded(targets: Vec<u64>) -> frame_support::BoundedVec<u64, <Test as crate::Config>::MaxVotesPerVoter> {
	targets.try_into().expect("at most MaxVotesPerVoter targets")
}

/// A, B and C stand without commission, backed by V1 (300), V2 (200) and V3 (100).
pub fn three_candidates_backed_300_200_100() {
	for who in [A, B, C] {
		stand(who, 0);
	}
	vote(V1, vec![A], 300);
	vote(V2, vec![B], 200);
	vote(V3, vec![C], 100);
}

/// The supernodes, in election order.
pub fn supernodes() -> Vec<u64> {
	crate::Supernodes::<Test>::get().into_iter().map(|e| e.who).collect()
}

/// The runners-up, in order.
pub fn runners_up() -> Vec<u64> {
	crate::RunnersUp::<Test>::get().into_iter().map(|e| e.who).collect()
}

/// Free QQQ of `who`.
pub fn qqq(who: u64) -> u64 {
	Balances::free_balance(who)
}

/// Free QAS of `who`.
pub fn free_qas(who: u64) -> u64 {
	QasBalances::free_balance(who)
}

/// QAS of `who` held as candidacy bond.
pub fn bonded_qas(who: u64) -> u64 {
	use frame_support::traits::fungible::InspectHold;
	QasBalances::balance_on_hold(&crate::HoldReason::CandidacyBond.into(), &who)
}

/// QAS of `who` locked by its vote.
pub fn locked_qas(who: u64) -> u64 {
	use frame_support::traits::fungible::InspectFreeze;
	QasBalances::balance_frozen(&crate::FreezeReason::Vote.into(), &who)
}

/// Events of this pallet so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Supernodes(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The last event of this pallet.
pub fn last_event() -> crate::Event<Test> {
	events().pop().expect("an event was emitted")
}

//! A small runtime for the pallet's tests: System, Balances (QQQ) and this pallet, with a
//! hand-driven era clock, a table of proven power and pools that record what they got.

use crate::{self as pallet_revenue, RevenueSplit};
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::Hooks, weights::Weight, PalletId};
pub use poseidon_primitives::testing::{set_power, CurrentEra, PreviousEraOpen};
use poseidon_primitives::{
	era::EraIndex,
	pools::RewardPool,
	testing::{TestClock, TestPower, TreasuryAt},
};
use sp_runtime::{BuildStorage, Percent};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Revenue: pallet_revenue,
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
	type ExistentialDeposit = ExistentialDeposit;
}

/// The company account.
pub const TREASURY: u64 = 99;
/// Customers with plenty of QQQ.
pub const CUSTOMER: u64 = 1;
pub const OTHER_CUSTOMER: u64 = 2;
/// Someone who claims on a miner's behalf.
pub const HELPER: u64 = 3;
/// Miners (they only need to exist).
pub const MINER_A: u64 = 10;
pub const MINER_B: u64 = 11;
pub const MINER_C: u64 = 12;
/// Era's rewards stay claimable for this many eras.
pub const HISTORY_DEPTH: EraIndex = 4;

parameter_types! {
	pub static ExistentialDeposit: u64 = 1;
	pub static SupernodePoolAccount: u64 = 50;
	pub static DepositorPoolAccount: u64 = 60;
	pub const RevenuePalletId: PalletId = PalletId(*b"py/revnu");
	pub const MinPayment: u64 = 10;
	pub const MinMinerShare: Percent = Percent::from_percent(50);
	pub const MaxMinerShare: Percent = Percent::from_percent(90);
	pub const MaxSplitStep: Percent = Percent::from_percent(10);
}

thread_local! {
	static RECEIVED: RefCell<Vec<(&'static str, EraIndex, u64)>> = RefCell::new(Vec::new());
}

/// A pool that records what it received.
pub struct RecordingPool<Account, const NAME: char>(core::marker::PhantomData<Account>);
impl<Account: frame_support::traits::Get<u64>, const NAME: char> RewardPool<u64, u64>
	for RecordingPool<Account, NAME>
{
	fn pool_account() -> u64 {
		Account::get()
	}

	fn on_pool_received(era: EraIndex, amount: u64) {
		let name = if NAME == 's' { "supernodes" } else { "depositors" };
		RECEIVED.with(|r| r.borrow_mut().push((name, era, amount)));
	}
}

impl pallet_revenue::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type Clock = TestClock;
	type Power = TestPower;
	type Treasury = TreasuryAt<TREASURY>;
	type DepositorPool = RecordingPool<DepositorPoolAccount, 'd'>;
	type SupernodePool = RecordingPool<SupernodePoolAccount, 's'>;
	type PalletId = RevenuePalletId;
	type MinPayment = MinPayment;
	type MinMinerShare = MinMinerShare;
	type MaxMinerShare = MaxMinerShare;
	type MaxSplitStep = MaxSplitStep;
	type HistoryDepth = frame_support::traits::ConstU32<HISTORY_DEPTH>;
	type MaxClaimEras = frame_support::traits::ConstU32<8>;
	type MaxOrderRefLen = frame_support::traits::ConstU32<16>;
	type SplitOrigin = frame_system::EnsureRoot<u64>;
	type WeightInfo = ();
}

/// What the pools were told they received: (pool, era, amount).
pub fn pools_received() -> Vec<(&'static str, EraIndex, u64)> {
	RECEIVED.with(|r| r.borrow().clone())
}

/// Genesis with the default split, accounts endowed, at block 1 of era 0.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with_existential_deposit(1)
}

/// [`new_test_ext`] with QQQ's existential deposit `ed`: the accounts that start with
/// 1 QQQ start with `ed` instead.
pub fn new_test_ext_with_existential_deposit(ed: u64) -> sp_io::TestExternalities {
	poseidon_primitives::testing::reset();
	RECEIVED.with(|r| r.borrow_mut().clear());
	// Era 0 has begun and the (nonexistent) era before it counts as open.
	PreviousEraOpen::set(true);
	ExistentialDeposit::set(ed);
	SupernodePoolAccount::set(50);
	DepositorPoolAccount::set(60);
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(CUSTOMER, 1_000_000),
			(OTHER_CUSTOMER, 1_000_000),
			(HELPER, 1_000),
			(MINER_A, ed),
			(MINER_B, ed),
			(MINER_C, ed),
			(TREASURY, ed),
			(50, ed),
			(60, ed),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_revenue::GenesisConfig::<Test> { split: RevenueSplit::default(), ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test, then checks the conservation invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Revenue::do_try_state().expect("revenue is conserved after the test");
	});
}

/// Runs the next block's `on_initialize` and `on_idle`.
pub fn next_block() {
	let next = System::block_number() + 1;
	System::set_block_number(next);
	Revenue::on_initialize(next);
	Revenue::on_idle(next, Weight::MAX);
}

/// Starts the next era (the previous one's window still open).
pub fn start_next_era() {
	CurrentEra::set(CurrentEra::get() + 1);
	PreviousEraOpen::set(true);
	next_block();
}

/// Closes the previous era's window: the next block settles it.
pub fn close_window() {
	PreviousEraOpen::set(false);
	next_block();
}

/// Moves one era on and settles the era that ended.
pub fn settle_current_era() {
	start_next_era();
	close_window();
}

/// Pays `amount` for service from `who`.
pub fn pay(who: u64, amount: u64) {
	frame_support::assert_ok!(Revenue::pay_for_service(
		RuntimeOrigin::signed(who),
		amount,
		b"order".to_vec().try_into().unwrap()
	));
}

/// Free QQQ of `who`.
pub fn balance(who: u64) -> u64 {
	Balances::free_balance(who)
}

/// Events of this pallet so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Revenue(event) => Some(event),
			_ => None,
		})
		.collect()
}

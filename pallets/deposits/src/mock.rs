//! A small runtime for the pallet's tests: System, QQQ and QAS balances and this pallet,
//! with a hand-driven era clock. The tests play the revenue pallet's part themselves:
//! [`settle`] pays an era's depositor pool into the pool account and announces it.

use crate::{self as pallet_deposits, Position, PositionId};
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::Mutate, ConstU32},
	PalletId,
};
pub use poseidon_primitives::testing::CurrentEra;
use poseidon_primitives::{
	era::EraIndex,
	pools::RewardPool,
	testing::{TestClock, TreasuryAt},
};
use sp_runtime::{traits::AccountIdConversion, BuildStorage};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		QasBalances: pallet_balances::<Instance2>,
		Deposits: pallet_deposits,
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
	type ExistentialDeposit = QqqExistentialDeposit;
}

/// QAS, with its balances in its own map, as in the runtime.
#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config<pallet_balances::Instance2> for Test {
	type AccountStore = frame_support::traits::StorageMapShim<
		pallet_balances::Account<Test, pallet_balances::Instance2>,
		u64,
		pallet_balances::AccountData<u64>,
	>;
	type ExistentialDeposit = QasExistentialDeposit;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MaxLocks = ConstU32<4>;
}

/// The company account.
pub const TREASURY: u64 = 99;
/// Where the tests' pools come from (the revenue pallet's pot).
pub const REVENUE_POT: u64 = 98;
/// Depositors, each with 10 000 QAS and 10 QQQ.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const CAROL: u64 = 3;
/// Has QAS but no QQQ account.
pub const DAVE: u64 = 4;
/// Has neither.
pub const NOBODY: u64 = 5;
/// The genesis plans: 3 eras ×1.0, 9 eras ×1.3, 18 eras ×1.6, each from 100 QAS.
pub const SHORT: u32 = 0;
pub const MEDIUM: u32 = 1;
pub const LONG: u32 = 2;
/// QQQ the pool account is endowed with in genesis (at least the existential deposit,
/// which some tests raise to 10).
pub const POOL_ENDOWMENT: u64 = 10;
/// QAS each depositor starts with.
pub const QAS_ENDOWMENT: u64 = 10_000;

parameter_types! {
	pub static QqqExistentialDeposit: u64 = 1;
	pub const QasExistentialDeposit: u64 = 1;
	pub const DepositsPalletId: PalletId = PalletId(*b"py/dposi");
	pub const MinDepositFloor: u64 = 10;
}

impl pallet_deposits::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Qas = QasBalances;
	type Qqq = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Clock = TestClock;
	type Treasury = TreasuryAt<TREASURY>;
	type PalletId = DepositsPalletId;
	type MaxPositions = ConstU32<4>;
	type MaxPlans = ConstU32<5>;
	type MaxLockEras = ConstU32<100>;
	type MaxRewardMultiplier = frame_support::traits::ConstU16<300>;
	type MinDepositFloor = MinDepositFloor;
	type PlanOrigin = frame_system::EnsureRoot<u64>;
	type WeightInfo = ();
}

/// The pool account.
pub fn pool() -> u64 {
	DepositsPalletId::get().into_account_truncating()
}

/// Genesis with the three plans, at block 1 of era 0.
pub fn new_test_ext() -> sp_io::TestExternalities {
	poseidon_primitives::testing::reset();
	QqqExistentialDeposit::set(1);
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, 10), (BOB, 10), (CAROL, 10), (TREASURY, 1), (REVENUE_POT, 1_000_000), (pool(), POOL_ENDOWMENT)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_balances::GenesisConfig::<Test, pallet_balances::Instance2> {
		balances: vec![
			(ALICE, QAS_ENDOWMENT),
			(BOB, QAS_ENDOWMENT),
			(CAROL, QAS_ENDOWMENT),
			(DAVE, QAS_ENDOWMENT),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_deposits::GenesisConfig::<Test> {
		plans: vec![(3, 100, 100), (9, 130, 100), (18, 160, 100)],
		..Default::default()
	}
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Deposits::do_try_state().expect("the deposits invariants hold after the test");
	});
}

/// Starts the next era.
pub fn next_era() {
	CurrentEra::set(CurrentEra::get() + 1);
	System::set_block_number(System::block_number() + 1);
}

/// Plays the revenue pallet: pays `amount` QQQ as `era`'s depositor pool into the pool
/// account and announces it.
pub fn settle(era: EraIndex, amount: u64) {
	if amount > 0 {
		Balances::transfer(&REVENUE_POT, &pool(), amount, frame_support::traits::tokens::Preservation::Expendable)
			.unwrap();
	}
	<Deposits as RewardPool<u64, u64>>::on_pool_received(era, amount);
}

/// Ends the current era and settles it with a depositor pool of `amount` (the revenue
/// pallet settles an era early in the next one).
pub fn end_era_with_pool(amount: u64) {
	let era = CurrentEra::get();
	next_era();
	settle(era, amount);
}

/// Deposits `amount` QAS of `who` into `plan`; returns the new position's number.
pub fn deposit(who: u64, plan: u32, amount: u64) -> PositionId {
	frame_support::assert_ok!(Deposits::deposit(RuntimeOrigin::signed(who), plan, amount));
	crate::NextPositionId::<Test>::get() - 1
}

/// `who`'s positions.
pub fn positions(who: u64) -> Vec<Position<u64>> {
	crate::Positions::<Test>::get(who).into_inner()
}

/// Free QQQ of `who`.
pub fn qqq(who: u64) -> u64 {
	Balances::free_balance(who)
}

/// Free QAS of `who`.
pub fn free_qas(who: u64) -> u64 {
	QasBalances::free_balance(who)
}

/// QAS of `who` held in deposits.
pub fn deposited_qas(who: u64) -> u64 {
	use frame_support::traits::fungible::InspectHold;
	QasBalances::balance_on_hold(&crate::HoldReason::Deposit.into(), &who)
}

/// Events of this pallet so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Deposits(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The last event of this pallet.
pub fn last_event() -> crate::Event<Test> {
	events().pop().expect("an event was emitted")
}

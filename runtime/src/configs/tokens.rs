//! The two tokens: QQQ (native, `Balances`) and QAS (governance, `QasBalances`).
//!
//! Both are `pallet-balances` instances with 12 decimals. Each has its own existential
//! deposit, holds (for bonds and deposits) and freezes/locks (for votes), so a later
//! pallet can hold QAS for a deposit plan while conviction voting locks the same QAS.

use crate::{
	Balance, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, System, MILLI_QAS,
	MILLI_QQQ,
};
use crate::AccountId;
use frame_support::{
	parameter_types,
	traits::{ConstU32, StorageMapShim, VariantCountOf},
};

/// Smallest QQQ balance an account may hold: 0.001 QQQ. Below it the account is reaped,
/// so dust accounts cannot bloat the state for free.
pub const QQQ_EXISTENTIAL_DEPOSIT: Balance = MILLI_QQQ;

/// Smallest QAS balance recorded for an account: 0.001 QAS.
pub const QAS_EXISTENTIAL_DEPOSIT: Balance = MILLI_QAS;

parameter_types! {
	pub const QqqExistentialDeposit: Balance = QQQ_EXISTENTIAL_DEPOSIT;
	pub const QasExistentialDeposit: Balance = QAS_EXISTENTIAL_DEPOSIT;
}

/// QQQ, the native token: fees, service payments, rewards, miner bonds.
impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = crate::weights::pallet_balances_crate_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = QqqExistentialDeposit;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

/// The instance of `pallet-balances` that keeps QAS.
pub type QasInstance = pallet_balances::Instance2;

/// QAS, the governance token: conviction voting, supernode votes and bonds, deposits.
/// Its balances are kept in the instance's own `Account` map, not in `System`.
impl pallet_balances::Config<QasInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = crate::weights::pallet_balances_crate_qas_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = QasExistentialDeposit;
	type AccountStore = StorageMapShim<
		pallet_balances::Account<Runtime, QasInstance>,
		AccountId,
		pallet_balances::AccountData<Balance>,
	>;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

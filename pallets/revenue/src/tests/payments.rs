//! Customers paying for service.

use crate::{mock::*, EraRevenue, Error, Event, TotalRevenue};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn a_payment_moves_qqq_into_the_pot_and_counts_in_the_current_era() {
	build_and_execute(|| {
		assert_ok!(Revenue::pay_for_service(
			RuntimeOrigin::signed(CUSTOMER),
			1_000,
			b"invoice-7".to_vec().try_into().unwrap()
		));
		assert_eq!(balance(CUSTOMER), 1_000_000 - 1_000);
		assert_eq!(Revenue::pot_balance(), 1_000);
		assert_eq!(EraRevenue::<Test>::get(0), 1_000);
		assert_eq!(TotalRevenue::<Test>::get(), 1_000);
		assert_eq!(
			events().last().unwrap(),
			&Event::ServicePaid {
				customer: CUSTOMER,
				era: 0,
				amount: 1_000,
				order_ref: b"invoice-7".to_vec().try_into().unwrap()
			}
		);

		start_next_era();
		pay(OTHER_CUSTOMER, 500);
		assert_eq!(EraRevenue::<Test>::get(0), 1_000);
		assert_eq!(EraRevenue::<Test>::get(1), 500);
	});
}

#[test]
fn payments_refuse_bad_input_without_changing_anything() {
	build_and_execute(|| {
		let order = || b"o".to_vec().try_into().unwrap();
		assert_noop!(
			Revenue::pay_for_service(RuntimeOrigin::signed(CUSTOMER), 9, order()),
			Error::<Test>::PaymentBelowMinimum
		);
		assert_noop!(Revenue::pay_for_service(RuntimeOrigin::root(), 100, order()), DispatchError::BadOrigin);
		// More than the customer has: a named error a wallet can show.
		assert_noop!(
			Revenue::pay_for_service(RuntimeOrigin::signed(HELPER), 5_000, order()),
			Error::<Test>::InsufficientBalance
		);
		// Everything it has: paying would reap the account, which is refused the same way.
		assert_noop!(
			Revenue::pay_for_service(RuntimeOrigin::signed(HELPER), 1_000, order()),
			Error::<Test>::InsufficientBalance
		);
	});
}

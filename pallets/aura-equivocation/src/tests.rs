//! Reporting Aura equivocations: what a valid report does, and every way a report is
//! refused without effect.

use crate::{mock::*, proof, Error, SessionStartSlots};
use frame_support::{assert_noop, assert_ok, dispatch::Pays};
use sp_consensus_aura::sr25519::AuthorityId;
use sp_consensus_slots::{EquivocationProof, Slot};
use sp_core::Pair;
use sp_runtime::{traits::Header as _, DispatchError, Perbill};
use sp_staking::offence::Offence;

type Header = frame_system::pallet_prelude::HeaderFor<Test>;

/// Block `number`, on a parent named by `fork`, sealed for `slot` by `signer`.
fn sealed_header(number: u64, fork: u8, slot: u64, signer: &str) -> Header {
	header_sealed_after(number, fork, slot, signer, None)
}

/// [`sealed_header`], with `padding` in its digest before the seal if given.
fn header_sealed_after(number: u64, fork: u8, slot: u64, signer: &str, padding: Option<sp_runtime::DigestItem>) -> Header {
	let mut header = Header::new(
		number,
		Default::default(),
		Default::default(),
		sp_core::H256::repeat_byte(fork),
		Default::default(),
	);
	header.digest_mut().logs.extend(padding);
	let pair = aura_pair(signer);
	proof::seal(&mut header, Slot::from(slot), |payload| {
		sp_consensus_aura::sr25519::AuthoritySignature::from(pair.sign(payload))
	});
	header
}

/// Two blocks for `slot`, both sealed by `signer`, said to be `offender`'s.
fn equivocation(offender: &str, signer: &str, slot: u64) -> Box<EquivocationProof<Header, AuthorityId>> {
	Box::new(EquivocationProof {
		offender: aura_key(offender),
		slot: Slot::from(slot),
		first_header: sealed_header(5, 1, slot, signer),
		second_header: sealed_header(5, 2, slot, signer),
	})
}

fn proof_for(session: u32) -> MockProof {
	MockProof { session, validators: 4 }
}

fn report(proof: Box<EquivocationProof<Header, AuthorityId>>, key_owner_proof: MockProof) -> frame_support::dispatch::DispatchResultWithPostInfo {
	AuraEquivocation::report_equivocation(RuntimeOrigin::signed(EVE), proof, key_owner_proof)
}

#[test]
fn two_blocks_sealed_for_one_slot_are_reported_as_an_offence_of_their_author() {
	build_and_execute(|| {
		set_slot(110);
		let outcome = report(equivocation("Bob", "Bob", 104), proof_for(0));
		assert_ok!(outcome);
		// A valid report is free.
		assert_eq!(outcome.unwrap().pays_fee, Pays::No);
		let reported = offences();
		assert_eq!(reported.len(), 1);
		let (reporters, offence) = &reported[0];
		assert_eq!(reporters, &vec![EVE]);
		assert_eq!(offence.offender, BOB);
		assert_eq!(offence.slot, Slot::from(104));
		assert_eq!(offence.session_index, 0);
		// One offender among four validators: (3/4)² of the bond.
		assert_eq!(offence.slash_fraction(1), Perbill::from_rational(9u32, 16));
		assert_eq!(offence.slash_fraction(2), Perbill::one());
	});
}

#[test]
fn the_same_equivocation_is_reported_once() {
	build_and_execute(|| {
		set_slot(110);
		assert_ok!(report(equivocation("Bob", "Bob", 104), proof_for(0)));
		assert_noop!(report(equivocation("Bob", "Bob", 104), proof_for(0)), Error::<Test>::DuplicateOffenceReport);
		// Another slot is another offence.
		assert_ok!(report(equivocation("Bob", "Bob", 105), proof_for(0)));
		assert_eq!(offences().len(), 2);
	});
}

#[test]
fn headers_signed_by_someone_else_prove_nothing() {
	build_and_execute(|| {
		set_slot(110);
		// Charlie seals two blocks and names Bob.
		assert_noop!(report(equivocation("Bob", "Charlie", 104), proof_for(0)), Error::<Test>::InvalidEquivocationProof);
		assert!(offences().is_empty());
	});
}

#[test]
fn one_block_twice_or_blocks_of_different_slots_prove_nothing() {
	build_and_execute(|| {
		set_slot(110);
		let same = sealed_header(5, 1, 104, "Bob");
		let twice = Box::new(EquivocationProof {
			offender: aura_key("Bob"),
			slot: Slot::from(104),
			first_header: same.clone(),
			second_header: same,
		});
		assert_noop!(report(twice, proof_for(0)), Error::<Test>::InvalidEquivocationProof);
		let two_slots = Box::new(EquivocationProof {
			offender: aura_key("Bob"),
			slot: Slot::from(104),
			first_header: sealed_header(5, 1, 104, "Bob"),
			second_header: sealed_header(6, 2, 105, "Bob"),
		});
		assert_noop!(report(two_slots, proof_for(0)), Error::<Test>::InvalidEquivocationProof);
		// An unsealed header proves nothing either.
		let mut unsealed = equivocation("Bob", "Bob", 104);
		unsealed.second_header.digest_mut().pop();
		assert_noop!(report(unsealed, proof_for(0)), Error::<Test>::InvalidEquivocationProof);
		assert!(offences().is_empty());
	});
}

#[test]
fn a_key_that_was_no_validators_in_that_session_is_refused() {
	build_and_execute(|| {
		set_slot(110);
		// Dave's key seals two blocks, but Dave held no validator key.
		assert_noop!(report(equivocation("Dave", "Dave", 104), proof_for(0)), Error::<Test>::InvalidKeyOwnershipProof);
	});
}

#[test]
fn the_slot_must_lie_in_the_session_of_the_key_ownership_proof() {
	build_and_execute(|| {
		start_session(1, 200);
		set_slot(250);
		// Slot 150 is session 0's: a proof for session 1 does not cover it.
		assert_noop!(report(equivocation("Bob", "Bob", 150), proof_for(1)), Error::<Test>::SlotOutsideSession);
		// Slot 260 has not come yet.
		assert_noop!(report(equivocation("Bob", "Bob", 260), proof_for(1)), Error::<Test>::SlotOutsideSession);
		// Slot 99 is before the first recorded session.
		assert_noop!(report(equivocation("Bob", "Bob", 99), proof_for(0)), Error::<Test>::SlotOutsideSession);
		assert_ok!(report(equivocation("Bob", "Bob", 150), proof_for(0)));
		assert_ok!(report(equivocation("Bob", "Bob", 210), proof_for(1)));
	});
}

#[test]
fn sessions_older_than_the_reportable_ones_cannot_be_reported() {
	build_and_execute(|| {
		for (session, slot) in [(1, 200), (2, 300), (3, 400)] {
			start_session(session, slot);
		}
		// Three sessions are reportable: session 0's start is forgotten.
		assert_eq!(SessionStartSlots::<Test>::get(0), None);
		assert_eq!(SessionStartSlots::<Test>::iter().count(), 3);
		set_slot(410);
		assert_noop!(report(equivocation("Bob", "Bob", 150), proof_for(0)), Error::<Test>::SlotOutsideSession);
		assert_ok!(report(equivocation("Bob", "Bob", 250), proof_for(1)));
	});
}

#[test]
fn only_a_signed_account_reports() {
	build_and_execute(|| {
		set_slot(110);
		assert_noop!(
			AuraEquivocation::report_equivocation(RuntimeOrigin::none(), equivocation("Bob", "Bob", 104), proof_for(0)),
			DispatchError::BadOrigin
		);
		assert!(offences().is_empty());
	});
}

/// A header padded by the offender with a digest item of `bytes` bytes, then sealed.
fn padded(number: u64, fork: u8, slot: u64, signer: &str, bytes: usize) -> Header {
	header_sealed_after(number, fork, slot, signer, Some(sp_runtime::DigestItem::Other(vec![7u8; bytes])))
}

/// The attack on the old weight: the headers' digests are the offender's to fill, and the
/// report was weighed as if they were minimal, however long hashing them took.
#[test]
fn a_report_is_weighed_by_its_headers_size_and_too_large_headers_are_refused() {
	build_and_execute(|| {
		set_slot(110);
		let small = equivocation("Bob", "Bob", 104);
		let large = Box::new(EquivocationProof {
			offender: aura_key("Bob"),
			slot: Slot::from(104),
			first_header: padded(5, 1, 104, "Bob", 700),
			second_header: sealed_header(5, 2, 104, "Bob"),
		});
		assert!(
			AuraEquivocation::report_weight(&large).ref_time() > AuraEquivocation::report_weight(&small).ref_time(),
			"the larger header weighs more"
		);

		// Over MaxHeaderSize (1 KiB here): refused before anything is checked, and it pays.
		let too_large = Box::new(EquivocationProof {
			offender: aura_key("Bob"),
			slot: Slot::from(104),
			first_header: sealed_header(5, 1, 104, "Bob"),
			second_header: padded(5, 2, 104, "Bob", 1_100),
		});
		assert_noop!(report(too_large, proof_for(0)), Error::<Test>::HeaderTooLarge);
		assert!(offences().is_empty());

		// At the bound it is an offence like any other.
		assert_ok!(report(large, proof_for(0)));
		assert_eq!(offences().len(), 1);
	});
}

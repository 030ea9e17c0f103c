// QAS governance end to end on a real dev node (short track periods): a referendum on the
// revenue_split track, voted with conviction by several QAS holders, changes the split
// from the next era and the next settlement pays miners 65 %; a rejected referendum and
// one whose call breaks the split's guard rails change nothing.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDevChain, waitFor } from '../lib/node.js';
import { bestNumber, submit, waitForEvent } from '../lib/chain.js';
import { QQQ, QAS } from '../lib/constants.js';

describe('referenda on poseidon-node --dev', () => {
  let node;
  let api;
  let accounts;
  before(async () => ({ node, api, accounts } = await startDevChain()));
  after(async () => node?.stop());

  /** Notes the preimage of `setSplit(miners %)` and submits it on the revenue_split track. */
  async function propose(miners, proposer) {
    const call = api.tx.revenue.setSplit({ miners, supernodes: 5, depositors: 10 });
    const noted = await submit(api, api.tx.preimage.notePreimage(call.method.toHex()), proposer);
    assert.equal(noted.error, null);
    const submitted = await submit(api, api.tx.referenda.submit(
      { Origins: 'RevenueSplit' },
      { Lookup: { hash: call.method.hash.toHex(), len: call.method.encodedLength } },
      { After: 1 },
    ), proposer);
    assert.equal(submitted.error, null);
    const event = submitted.events.find(({ event: e }) => api.events.referenda.Submitted.is(e)).event;
    assert.equal(event.data.track.toNumber(), 1, 'the revenue_split track');
    const index = event.data.index.toNumber();
    const deposit = await submit(api, api.tx.referenda.placeDecisionDeposit(index), proposer);
    assert.equal(deposit.error, null);
    return index;
  }

  /** `voter` votes `amount` QAS on `index`, aye or nay, with `conviction`. */
  async function vote(index, voter, aye, amount, conviction) {
    const { error } = await submit(api, api.tx.convictionVoting.vote(index, {
      Standard: { vote: { aye, conviction }, balance: amount },
    }), voter);
    assert.equal(error, null);
  }

  const endedAs = (index, outcome) => async () => {
    const info = await api.query.referenda.referendumInfoFor(index);
    return info.isSome && info.unwrap().type === outcome;
  };

  // One story in steps, each its own test so that a failure shows which referendum went
  // wrong; the three referenda run side by side from the first step on.
  let approved;
  let rejected;
  let invalid;
  let splitApplied;
  let failedEnactment;

  test('three referenda on the split are proposed and voted with conviction', async () => {
    const { bob, charlie, dave, eve, ferdie } = accounts;
    const before = (await api.query.revenue.currentSplit()).miners.toNumber();
    assert.equal(before, 70);

    // Watch from now on for what the referenda will cause, so no event is missed.
    splitApplied = waitForEvent(api, (event) => api.events.revenue.SplitApplied.is(event), 600000,
      'the split to apply');
    failedEnactment = waitForEvent(
      api, (event) => api.events.scheduler.Dispatched.is(event) && event.data.result.isErr, 600000,
      'an enactment to fail');
    // A step that fails before awaiting one of them must not leave it unhandled.
    splitApplied.catch(() => {});
    failedEnactment.catch(() => {});
    // Alice, the launch validator, is a miner from genesis: her proof below gives the
    // settlement power to pay.
    assert.ok((await api.query.proofOfResource.miners(accounts.alice.address)).isSome);
    [approved, rejected, invalid] = await Promise.all([
      propose(65, bob), propose(60, eve), propose(95, ferdie),
    ]);
    // Several QAS holders vote aye with convictions on 65 % and on 95 % (outside the
    // guard rails); Dave's nay outweighs Eve's aye on 60 %.
    await Promise.all([
      vote(approved, charlie, true, 300_000n * QAS, 'Locked1x'),
      vote(approved, dave, true, 200_000n * QAS, 'Locked3x'),
      vote(approved, eve, true, 150_000n * QAS, 'None'),
    ]);
    await Promise.all([
      vote(rejected, bob, false, 500_000n * QAS, 'Locked2x'),
      vote(invalid, charlie, true, 300_000n * QAS, 'Locked1x'),
    ]);
    await vote(rejected, ferdie, true, 100_000n * QAS, 'None');
    await vote(invalid, dave, true, 300_000n * QAS, 'Locked1x');
  });

  test('the approved referendum applies 65 % from the next era, and settlement pays it', async () => {
    const { charlie } = accounts;
    // Approval, confirmation and enactment take a few dozen blocks on the short tracks.
    await waitFor(endedAs(approved, 'Approved'), 300000, `referendum ${approved} to be approved`);
    const scheduled = await waitFor(async () => (await api.query.revenue.nextSplit()).isSome
      || (await api.query.revenue.currentSplit()).miners.toNumber() === 65, 120000, 'the new split');
    assert.ok(scheduled);

    // The split applies from the next era: an era's revenue paid after that is split 65 %.
    const applied = await splitApplied;
    const era = applied.event.data.era.toNumber();
    assert.equal(applied.event.data.split.miners.toNumber(), 65);
    const proofEra = (await api.query.proofOfResource.era()).unwrap().current.toNumber();
    const [proof, payment] = await Promise.all([
      submit(api, api.tx.proofOfResource.submitProof(proofEra, { bandwidthBytes: 1_000_000 }, `0x${'65'.repeat(32)}`),
        accounts.alice),
      submit(api, api.tx.revenue.payForService(100n * QQQ, 'order-65'), charlie),
    ]);
    assert.equal(proof.error, null);
    assert.equal(payment.error, null);
    const paidEra = payment.events.find(({ event }) => api.events.revenue.ServicePaid.is(event)).event.data.era.toNumber();
    assert.equal(paidEra, proofEra, 'the payment counts in the proven era');
    assert.ok(paidEra >= era);
    const settled = await waitForEvent(
      api, (event) => api.events.revenue.EraSettled.is(event) && event.data.era.toNumber() === paidEra,
      200000, `settlement of era ${paidEra}`);
    assert.equal(settled.event.data.revenue.toBigInt(), 100n * QQQ);
    assert.equal(settled.event.data.minerPool.toBigInt(), 65n * QQQ);
  });

  test('the referendum the nays won is rejected', async () => {
    // The nays won: rejected when its decision period ends, nothing changes.
    await waitFor(endedAs(rejected, 'Rejected'), 300000, `referendum ${rejected} to be rejected`);
  });

  test('the referendum outside the guard rails passes but fails at enactment; the split stays', async () => {
    // 95 % is approved but its call fails at enactment (outside 50 %–90 %): the split
    // stays 65 %.
    await waitFor(endedAs(invalid, 'Approved'), 300000, `referendum ${invalid} to be approved`);
    const failed = await failedEnactment;
    const error = api.registry.findMetaError(failed.event.data.result.asErr.asModule);
    assert.equal(error.section, 'revenue');
    // 95 % + 5 % + 10 % is more than the whole: the first guard rail refuses it.
    assert.equal(error.name, 'SharesExceedWhole');
    const now = await bestNumber(api);
    await waitFor(async () => (await bestNumber(api)) >= now + 11, 120000, 'the next era');
    const split = await api.query.revenue.currentSplit();
    assert.equal(split.miners.toNumber(), 65);
    assert.ok((await api.query.revenue.nextSplit()).isNone, 'no split scheduled');
  });
});

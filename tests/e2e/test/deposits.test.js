// Deposit plans end to end on a real dev node: governance opens a plan, a depositor
// locks QAS, a customer pays, the era settles, the claim pays the depositors' share, an
// early withdrawal is refused and a withdrawal after maturity returns the QAS.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDevChain, waitFor } from '../lib/node.js';
import { feePaid, findEvent, qas, qqq, submit, waitForEvent } from '../lib/chain.js';
import { QQQ, QAS } from '../lib/constants.js';

/** QAS of `address` on hold (the deposits). */
async function heldQas(api, address) {
  return (await api.query.qasBalances.account(address)).reserved.toBigInt();
}

describe('deposit plans on poseidon-node --dev', () => {
  let node;
  let api;
  let accounts;
  before(async () => ({ node, api, accounts } = await startDevChain()));
  after(async () => node?.stop());

  test('the dev chain opens plans of 3, 9 and 18 eras', async () => {
    const plans = await Promise.all([0, 1, 2].map((id) => api.query.deposits.plans(id)));
    assert.deepEqual(plans.map((p) => p.unwrap().lockEras.toNumber()), [3, 9, 18]);
    assert.deepEqual(plans.map((p) => p.unwrap().rewardMultiplier.toNumber()), [100, 130, 160]);
    assert.ok(plans.every((p) => p.unwrap().minAmount.toBigInt() === 100n * QAS && p.unwrap().open.isTrue));
  });

  // One story in steps, each its own test so that a failure shows which phase broke; a
  // step uses what the ones before it established.
  let plan;
  let position;
  let startEra;

  test('governance opens a one-era plan and Bob deposits 1 000 QAS into it, held', async () => {
    const { alice, bob } = accounts;
    // Governance (sudo on the dev chain) opens a one-era plan, so the test need not wait
    // three eras for maturity.
    const created = await submit(api, api.tx.sudo.sudo(api.tx.deposits.createPlan(1, 100, 100n * QAS)), alice);
    assert.equal(created.error, null);
    plan = findEvent(api, created.events, 'deposits', 'PlanCreated').data.plan.toNumber();
    assert.equal(plan, 3);

    // Bob deposits 1 000 QAS: held, not spent.
    const qasBefore = await qas(api, bob.address);
    const deposited = await submit(api, api.tx.deposits.deposit(plan, 1_000n * QAS), bob);
    assert.equal(deposited.error, null);
    const event = findEvent(api, deposited.events, 'deposits', 'Deposited').data;
    position = event.position.toNumber();
    startEra = event.startEra.toNumber();
    assert.equal(event.weight.toBigInt(), 1_000n * QAS * 100n);
    assert.equal(event.maturityEra.toNumber(), startEra + 1);
    assert.equal(await heldQas(api, bob.address), 1_000n * QAS);
    assert.equal(await qas(api, bob.address), qasBefore - 1_000n * QAS);
    const positions = await api.query.deposits.positions(bob.address);
    assert.equal(positions.length, 1);
    assert.equal(positions[0].id.toNumber(), position);
    // The position shares the pools from the era after the deposit's: a deposit at the
    // end of an era takes nothing of that era's pool.
    const atDeposit = await api.at(deposited.blockHash);
    assert.equal(startEra, (await atDeposit.query.proofOfResource.era()).unwrap().current.toNumber() + 1);
  });

  test('withdrawing before maturity is refused and changes nothing', async () => {
    const { bob } = accounts;
    const early = await submit(api, api.tx.deposits.withdraw(position), bob);
    assert.deepEqual(early.error, { kind: 'Module', section: 'deposits', name: 'NotMatured' });
    assert.equal(await heldQas(api, bob.address), 1_000n * QAS);
  });

  test('a paid service settles and Bob claims the depositors\' 10 %, once', async () => {
    const { bob, charlie } = accounts;
    await waitFor(async () => (await api.query.proofOfResource.era()).unwrap().current.toNumber() >= startEra,
      120000, `era ${startEra}`);

    // Charlie pays 200 QQQ; the depositors' 10 % of the era is Bob's alone.
    const payment = await submit(api, api.tx.revenue.payForService(200n * QQQ, 'order-7'), charlie);
    assert.equal(payment.error, null);
    const era = findEvent(api, payment.events, 'revenue', 'ServicePaid').data.era.toNumber();
    assert.ok(era >= startEra);
    const shared = await waitForEvent(
      api, (e) => api.events.deposits.PoolShared.is(e) && e.data.era.toNumber() === era,
      180000, `the depositors' pool of era ${era}`);
    assert.equal(shared.event.data.amount.toBigInt(), 20n * QQQ);

    // Wallets read what a claim would pay from the runtime API.
    assert.equal((await api.call.depositsApi.pendingRewards(bob.address)).toBigInt(), 20n * QQQ);
    const qqqBefore = await qqq(api, bob.address);
    const claimed = await submit(api, api.tx.deposits.claim(), bob);
    assert.equal(claimed.error, null);
    assert.equal(findEvent(api, claimed.events, 'deposits', 'RewardsClaimed').data.amount.toBigInt(), 20n * QQQ);
    const { fee } = feePaid(api, claimed.events);
    assert.equal(await qqq(api, bob.address, claimed.blockHash), qqqBefore + 20n * QQQ - fee);

    // Nothing more to claim.
    assert.equal((await api.call.depositsApi.pendingRewards(bob.address)).toBigInt(), 0n);
    const again = await submit(api, api.tx.deposits.claim(), bob);
    assert.deepEqual(again.error, { kind: 'Module', section: 'deposits', name: 'NothingToClaim' });
  });

  test('after maturity the withdrawal returns the QAS', async () => {
    const { bob } = accounts;
    // Mature once its maturity era has come and its last era is settled.
    await waitFor(async () => {
      const last = await api.query.deposits.lastSharedEra();
      return last.isSome && last.unwrap().toNumber() >= startEra;
    }, 180000, 'the settlement of the last era of the term');
    const qasBeforeWithdraw = await qas(api, bob.address);
    const withdrawn = await submit(api, api.tx.deposits.withdraw(position), bob);
    assert.equal(withdrawn.error, null);
    const data = findEvent(api, withdrawn.events, 'deposits', 'Withdrawn').data;
    assert.equal(data.amount.toBigInt(), 1_000n * QAS);
    assert.equal(await heldQas(api, bob.address), 0n);
    assert.equal(await qas(api, bob.address, withdrawn.blockHash), qasBeforeWithdraw + 1_000n * QAS);
    assert.equal((await api.query.deposits.positions(bob.address)).length, 0);
  });
});

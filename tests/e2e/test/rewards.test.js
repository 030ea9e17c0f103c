// The money path end to end on a real dev node: miners register and prove, a customer
// pays, the era settles, and each miner's claim pays exactly its share of the miner pool.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { startDevChain, waitFor } from '../lib/node.js';
import {
  bestNumber, feePaid, palletAccount, qqq, submit, waitForEvent,
} from '../lib/chain.js';
import { QQQ, MINER_PROFILE } from '../lib/constants.js';

describe('proof of resource and revenue on poseidon-node --dev', () => {
  let node;
  let api;
  let accounts;
  before(async () => ({ node, api, accounts } = await startDevChain()));
  after(async () => node?.stop());

  // One story in steps, each its own test so that a failure shows where the money path
  // broke; a step uses what the ones before it established.
  let era;
  let settled;

  test('two miners register: the bond is held, not spent', async () => {
    const { dave, eve } = accounts;
    // The bond in force: the value a referendum stored in Parameters, or else the genesis
    // default, 1 000 QQQ.
    assert.ok((await api.query.parameters.parameters({ Bonds: { MinerBond: null } })).isNone,
      'no referendum has changed the miner bond');
    const bond = 1_000n * QQQ;

    // Dave and Eve register; the bond is held, not spent.
    const before = { dave: await qqq(api, dave.address) };
    const registrations = await Promise.all([
      submit(api, api.tx.proofOfResource.registerMiner(MINER_PROFILE), dave),
      submit(api, api.tx.proofOfResource.registerMiner(MINER_PROFILE), eve),
    ]);
    for (const { error } of registrations) assert.equal(error, null);
    const { fee: registrationFee } = feePaid(api, registrations[0].events);
    const daveAccount = await api.query.system.account(dave.address);
    assert.equal(daveAccount.data.reserved.toBigInt(), bond, 'the bond is held');
    assert.equal((await api.query.proofOfResource.miners(dave.address)).unwrap().bond.toBigInt(), bond,
      'the miner record keeps the bond it will release');
    assert.ok(daveAccount.data.free.toBigInt() <= before.dave - bond - registrationFee);
  });

  test('at the start of an era the miners prove for free and a customer pays', async () => {
    const { dave, eve, ferdie } = accounts;
    // Start at the beginning of an era so proofs and payment land in the same one.
    const clock = (await api.query.proofOfResource.era()).unwrap();
    const nextStart = clock.start.toNumber() + clock.length.toNumber();
    await waitFor(async () => (await bestNumber(api)) >= nextStart, 90000, 'the next era');
    era = (await api.query.proofOfResource.era()).unwrap().current.toNumber();

    const daveBefore = await qqq(api, dave.address);
    const [daveProof, eveProof, payment] = await Promise.all([
      submit(api, api.tx.proofOfResource.submitProof(era, { bandwidthBytes: 1_000_000 }, `0x${'11'.repeat(32)}`), dave),
      submit(api, api.tx.proofOfResource.submitProof(era, { bandwidthBytes: 3_000_000 }, `0x${'22'.repeat(32)}`), eve),
      submit(api, api.tx.revenue.payForService(100n * QQQ, 'order-42'), ferdie),
    ]);
    for (const { error } of [daveProof, eveProof, payment]) assert.equal(error, null);

    // A valid first proof is free.
    assert.equal(feePaid(api, daveProof.events).fee, 0n);
    assert.equal(await qqq(api, dave.address, daveProof.blockHash), daveBefore);
    const accepted = daveProof.events.find(({ event }) => api.events.proofOfResource.ProofAccepted.is(event));
    assert.equal(accepted.event.data.power.toBigInt(), 1_000_000n);
    const paid = payment.events.find(({ event }) => api.events.revenue.ServicePaid.is(event));
    assert.equal(paid.event.data.era.toNumber(), era, 'the payment counts in the proven era');
    assert.equal(paid.event.data.amount.toBigInt(), 100n * QQQ);
  });

  test('a second proof of the same era is refused and pays its fee', async () => {
    const { dave } = accounts;
    const duplicate = await submit(
      api, api.tx.proofOfResource.submitProof(era, { bandwidthBytes: 5 }, `0x${'33'.repeat(32)}`), dave);
    assert.deepEqual(duplicate.error, { kind: 'Module', section: 'proofOfResource', name: 'DuplicateProof' });
    assert.ok(feePaid(api, duplicate.events).fee > 0n);
  });

  test('the era settles 70 / 15 / 10 / 5 and each pool reaches its pallet', async () => {
    // The era settles once its grace window has closed: 70 / 15 / 10 / 5.
    const supernodePool = palletAccount(api, 'supernodes');
    const depositorPool = palletAccount(api, 'deposits');
    settled = await waitForEvent(
      api, (event) => api.events.revenue.EraSettled.is(event) && event.data.era.toNumber() === era,
      150000, `settlement of era ${era}`);
    const data = settled.event.data;
    assert.equal(data.revenue.toBigInt(), 100n * QQQ);
    assert.equal(data.minerPool.toBigInt(), 70n * QQQ);
    assert.equal(data.supernodePool.toBigInt(), 5n * QQQ);
    assert.equal(data.depositorPool.toBigInt(), 10n * QQQ);
    assert.equal(data.treasury.toBigInt(), 15n * QQQ);
    assert.equal(data.totalPower.toBigInt(), 4_000_000n);
    const parent = (await api.rpc.chain.getHeader(settled.blockHash)).parentHash.toHex();
    assert.equal(await qqq(api, supernodePool, settled.blockHash) - await qqq(api, supernodePool, parent), 5n * QQQ);
    // Nobody has deposited QAS on this chain: the deposits pallet passes its pool on to
    // the treasury in the same block.
    const settledEvents = await (await api.at(settled.blockHash)).query.system.events();
    const toTreasury = settledEvents.find(({ event }) => api.events.deposits.PoolSentToTreasury.is(event));
    assert.equal(toTreasury.event.data.era.toNumber(), era);
    assert.equal(toTreasury.event.data.amount.toBigInt(), 10n * QQQ);
    assert.equal(await qqq(api, depositorPool, settled.blockHash), await qqq(api, depositorPool, parent));

    // The supernodes pallet shares its 5 QQQ: Alice, the dev chain's only supernode, keeps
    // her 10 % commission and Alice//stash, her only voter, is owed the rest.
    const shared = settledEvents.find(({ event }) => api.events.supernodes.PoolShared.is(event));
    assert.equal(shared.event.data.amount.toBigInt(), 5n * QQQ);
    const atSettlement = await api.at(settled.blockHash);
    const aliceStash = new Keyring({ type: 'sr25519' }).addFromUri('//Alice//stash').address;
    assert.equal((await atSettlement.call.supernodesApi.pendingRewards(accounts.alice.address)).toBigInt(), QQQ / 2n);
    assert.equal((await atSettlement.call.supernodesApi.pendingRewards(aliceStash)).toBigInt(), 9n * QQQ / 2n);
  });

  test('each miner claims exactly its share of the miner pool, once', async () => {
    const { charlie, dave, eve, ferdie } = accounts;
    // A wallet asks the runtime which eras each miner can claim, and for how much.
    const claimable = await api.call.revenueApi.claimableRewards(eve.address);
    assert.deepEqual(claimable.map(([e, amount]) => [e.toNumber(), amount.toBigInt()]), [[era, 52_500_000_000_000n]]);

    // Charlie claims for both miners; each gets exactly its share of the 70 QQQ pool.
    const daveBeforeClaim = await qqq(api, dave.address);
    const eveBeforeClaim = await qqq(api, eve.address);
    const claims = await Promise.all([
      submit(api, api.tx.revenue.claimMinerRewards(dave.address, [era]), charlie),
      submit(api, api.tx.revenue.claimMinerRewards(eve.address, [era]), ferdie),
    ]);
    for (const { error } of claims) assert.equal(error, null);
    assert.equal(await qqq(api, dave.address, claims[0].blockHash) - daveBeforeClaim, 17_500_000_000_000n);
    assert.equal(await qqq(api, eve.address, claims[1].blockHash) - eveBeforeClaim, 52_500_000_000_000n);

    // Each (miner, era) is paid once.
    const again = await submit(api, api.tx.revenue.claimMinerRewards(dave.address, [era]), charlie);
    assert.deepEqual(again.error, { kind: 'Module', section: 'revenue', name: 'AlreadyClaimed' });
    assert.equal((await api.call.revenueApi.claimableRewards(dave.address)).length, 0);
  });
});

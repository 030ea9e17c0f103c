// The dev chain end to end: a real `poseidon-node --dev` on loopback, driven through
// JSON-RPC with @polkadot/api as polkadot.js apps would.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { u8aToHex } from '@polkadot/util';
import { startDevChain, waitFor } from '../lib/node.js';
import {
  bestNumber, feePaid, finalizedNumber, qas, qqq, submit,
} from '../lib/chain.js';
import { QQQ, QAS } from '../lib/constants.js';

describe('poseidon-node --dev', () => {
  let node;
  let api;
  let accounts;
  before(async () => ({ node, api, accounts } = await startDevChain()));
  after(async () => node?.stop());

  test('produces blocks and finalizes them', async () => {
    const start = await bestNumber(api);
    await waitFor(async () => (await bestNumber(api)) >= start + 2, 40000, 'two new blocks');
    await waitFor(async () => (await finalizedNumber(api)) >= 2, 40000, 'finalized head to pass block 2');
    const finalized = await finalizedNumber(api);
    await waitFor(async () => (await finalizedNumber(api)) > finalized, 40000, 'finalized head to advance');
  });

  test('announces both tokens and the address format in the chain properties', async () => {
    const properties = await api.rpc.system.properties();
    assert.deepEqual(properties.tokenSymbol.unwrap().map((s) => s.toString()), ['QQQ', 'QAS']);
    assert.deepEqual(properties.tokenDecimals.unwrap().map((d) => d.toNumber()), [12, 12]);
    const ss58Prefix = api.consts.system.ss58Prefix.toNumber();
    assert.equal(properties.ss58Format.unwrap().toNumber(), ss58Prefix);
    assert.equal((await api.rpc.system.chain()).toString(), 'Poseidon Development');
  });

  test('has Balances (QQQ) and QasBalances (QAS) in its metadata', async () => {
    const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
    for (const name of ['System', 'Balances', 'QasBalances', 'TransactionPayment', 'Aura', 'Grandpa', 'Sudo']) {
      assert.ok(pallets.includes(name), `${name} missing from ${pallets}`);
    }
    assert.ok(api.tx.qasBalances.transferKeepAlive, 'QAS transfers are callable');
    const extensions = api.runtimeMetadata.asLatest.extrinsic.transactionExtensions
      ?? api.runtimeMetadata.asLatest.extrinsic.signedExtensions;
    const names = extensions.map((e) => e.identifier.toString());
    assert.ok(names.includes('CheckMetadataHash'), `CheckMetadataHash missing from ${names}`);
    assert.ok(names.includes('ChargeTransactionPayment'));
  });

  test('transfers QQQ and charges the fee in QQQ', async () => {
    const { bob, charlie } = accounts;
    const amount = 25n * QQQ;
    const before = {
      bobQqq: await qqq(api, bob.address), bobQas: await qas(api, bob.address),
      charlieQqq: await qqq(api, charlie.address),
    };

    const { blockHash, events, error } = await submit(
      api, api.tx.balances.transferKeepAlive(charlie.address, amount), bob);
    assert.equal(error, null);
    const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event));
    assert.ok(transfer, 'a Balances.Transfer event');
    assert.equal(transfer.event.data.from.toString(), bob.address);
    assert.equal(transfer.event.data.to.toString(), charlie.address);
    assert.equal(transfer.event.data.amount.toBigInt(), amount);

    const { fee } = feePaid(api, events);
    assert.ok(fee > 0n);
    assert.equal(await qqq(api, bob.address, blockHash), before.bobQqq - amount - fee);
    assert.equal(await qqq(api, charlie.address, blockHash), before.charlieQqq + amount);
    assert.equal(await qas(api, bob.address, blockHash), before.bobQas, 'no QAS was charged');
  });

  test('transfers QAS and still charges the fee in QQQ only', async () => {
    const { dave, eve } = accounts;
    const amount = 7n * QAS;
    const before = {
      daveQqq: await qqq(api, dave.address), daveQas: await qas(api, dave.address),
      eveQas: await qas(api, eve.address), eveQqq: await qqq(api, eve.address),
    };

    const { blockHash, events, error } = await submit(
      api, api.tx.qasBalances.transferKeepAlive(eve.address, amount), dave);
    assert.equal(error, null);
    const transfer = events.find(({ event }) => api.events.qasBalances.Transfer.is(event));
    assert.ok(transfer, 'a QasBalances.Transfer event');
    assert.equal(transfer.event.data.amount.toBigInt(), amount);
    assert.ok(!events.some(({ event }) => api.events.balances.Transfer.is(event)),
      'no QQQ moved besides the fee');

    const { fee } = feePaid(api, events);
    assert.equal(await qas(api, dave.address, blockHash), before.daveQas - amount);
    assert.equal(await qas(api, eve.address, blockHash), before.eveQas + amount);
    assert.equal(await qqq(api, dave.address, blockHash), before.daveQqq - fee);
    assert.equal(await qqq(api, eve.address, blockHash), before.eveQqq);
  });

  // pallet-balances refuses an amount it cannot withdraw with the fungible-token error
  // `Token(FundsUnavailable)`, which wallets show as "funds are unavailable".
  test('refuses a transfer larger than the balance with the pallet error', async () => {
    const { ferdie, alice } = accounts;
    const before = {
      ferdieQqq: await qqq(api, ferdie.address), aliceQqq: await qqq(api, alice.address),
      ferdieQas: await qas(api, ferdie.address), aliceQas: await qas(api, alice.address),
    };

    const tooMuch = before.ferdieQqq * 2n;
    const qqqAttempt = await submit(
      api, api.tx.balances.transferAllowDeath(alice.address, tooMuch), ferdie);
    assert.deepEqual(qqqAttempt.error, { kind: 'Token', name: 'FundsUnavailable' });
    assert.ok(qqqAttempt.events.some(({ event }) => api.events.system.ExtrinsicFailed.is(event)));
    const { fee } = feePaid(api, qqqAttempt.events);
    assert.equal(await qqq(api, ferdie.address, qqqAttempt.blockHash), before.ferdieQqq - fee,
      'only the fee left the sender');

    const qasAttempt = await submit(
      api, api.tx.qasBalances.transferAllowDeath(alice.address, before.ferdieQas + 1n), ferdie);
    assert.deepEqual(qasAttempt.error, { kind: 'Token', name: 'FundsUnavailable' });
    assert.ok(qasAttempt.events.some(({ event }) => api.events.system.ExtrinsicFailed.is(event)));
    assert.equal(await qas(api, ferdie.address, qasAttempt.blockHash), before.ferdieQas);
    assert.equal(await qas(api, alice.address, qasAttempt.blockHash), before.aliceQas);
  });

  // A hardware wallet signs the hash of the metadata it decoded the transaction with
  // (CheckMetadataHash, mode 1); the runtime checks it against the hash built into it
  // (the `metadata-hash` feature). The hash is computed here from the metadata the node
  // serves, as a wallet's companion app does, so a runtime whose metadata described
  // other tracks than the chain runs would refuse the transaction.
  test('accepts a transfer signed with the metadata hash, and refuses a wrong hash', async () => {
    const { dave, eve } = accounts;
    const served = await api.rpc.state.call('Metadata_metadata_at_version', '0x0f000000');
    const properties = await api.rpc.system.properties();
    const merkleized = merkleizeMetadata(served.toHex(), {
      decimals: properties.tokenDecimals.unwrap()[0].toNumber(),
      tokenSymbol: properties.tokenSymbol.unwrap()[0].toString(),
    });
    const metadataHash = u8aToHex(merkleized.digest());

    const before = await qqq(api, eve.address);
    const { blockHash, error } = await submit(
      api, api.tx.balances.transferKeepAlive(eve.address, QQQ), dave, { mode: 1, metadataHash });
    assert.equal(error, null);
    assert.equal(await qqq(api, eve.address, blockHash), before + QQQ);

    const wrongHash = `0x${'11'.repeat(32)}`;
    await assert.rejects(
      submit(api, api.tx.balances.transferKeepAlive(eve.address, QQQ), dave, { mode: 1, metadataHash: wrongHash }),
      /bad signature/i);
  });

  // The dev node is a `fast-runtime` build: the metadata wallets read lists the tracks
  // with their short periods, the ones the chain really uses.
  test('lists the short governance periods of its fast-runtime build', async () => {
    const revenueSplit = api.consts.referenda.tracks.find(([id]) => id.toNumber() === 1)[1];
    assert.equal(revenueSplit.decisionPeriod.toNumber(), 30);
    assert.equal(revenueSplit.confirmPeriod.toNumber(), 3);
    assert.equal(api.consts.convictionVoting.voteLockingPeriod.toNumber(), 10);
  });

  test('answers the payment RPC and serves Prometheus metrics', async () => {
    const { bob, charlie } = accounts;
    const tx = api.tx.balances.transferKeepAlive(charlie.address, QQQ);
    const info = await tx.paymentInfo(bob);
    assert.ok(info.partialFee.toBigInt() > 0n);

    const response = await fetch(`http://127.0.0.1:${node.prometheusPort}/metrics`);
    assert.equal(response.status, 200);
    const metrics = await response.text();
    assert.match(metrics, /substrate_block_height\{status="finalized"/);
  });
});

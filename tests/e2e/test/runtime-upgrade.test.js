// A runtime upgrade through governance on a running dev chain (short track periods): a
// second runtime build (crate poseidon-runtime-next: the same runtime, spec_version one
// higher) is proposed as `system.setCode` on the root track, voted in by QAS holders and
// enacted by the scheduler. The chain was first given the storage a build of
// proof-of-resource storage version 0 left (the resource weights under their old name,
// the miners counted by hand), so the upgrade has something to migrate: after it the
// chain runs spec 101, the migration in `poseidon_runtime::Migrations` has moved the
// data to where version 1 reads it, and blocks, finality and transactions go on.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { u8aToHex } from '@polkadot/util';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { connect, nodeBinary, startDevChain, waitFor } from '../lib/node.js';
import { bestNumber, finalizedNumber, qqq, rpcCall, submit } from '../lib/chain.js';
import { MINER_PROFILE, QAS, QQQ } from '../lib/constants.js';

/** The Wasm of poseidon-runtime-next, built beside the node by the workspace build. */
function nextRuntimeWasm() {
  const path = join(dirname(nodeBinary()), 'wbuild', 'poseidon-runtime-next',
    'poseidon_runtime_next.compact.compressed.wasm');
  assert.ok(existsSync(path), `${path} is missing: build the workspace (scripts/test.sh does)`);
  return readFileSync(path);
}

/** The key of the storage value `item` of the proof-of-resource pallet. */
const valueKey = (item) => xxhashAsHex('ProofOfResource', 128) + xxhashAsHex(item, 128).slice(2);

describe('a runtime upgrade enacted by a referendum on the root track', () => {
  let node;
  let api;
  let accounts;
  before(async () => ({ node, api, accounts } = await startDevChain()));
  after(async () => node?.stop());

  // The resource weights the old layout holds, unlike the genesis ones.
  const oldWeights = { perBandwidthByte: 2, perCpuSecond: 3_000_000, perStorageGibHour: 9 };
  let referendum;
  /** The SCALE encoding of `value` as `type`, in hex (a number's `toHex` is not SCALE). */
  const scale = (type, value) => u8aToHex(api.createType(type, value).toU8a());
  /** The raw value at `key` (hex), or null when there is none. */
  const rawValue = (key) => rpcCall(node.rpcPort, 'state_getStorage', [key]);

  test('the chain holds three miners in the storage layout of version 0', async () => {
    const { alice, charlie, dave } = accounts;
    for (const miner of [charlie, dave]) {
      const { error } = await submit(api, api.tx.proofOfResource.registerMiner(MINER_PROFILE), miner);
      assert.equal(error, null);
    }
    // Alice, the launch validator, is a miner from genesis.
    assert.equal((await api.query.proofOfResource.counterForMiners()).toNumber(), 3);
    // What a chain started by a version-0 build holds: `Weights` and `MinerCount`, not
    // `PowerPerUnit` and the counted map's counter; storage version 0.
    const weightsType = (await api.query.proofOfResource.powerPerUnit()).toRawType();
    const oldLayout = api.tx.system.setStorage([
      [valueKey('Weights'), scale(weightsType, oldWeights)],
      [valueKey('MinerCount'), scale('u32', 3)],
      [valueKey(':__STORAGE_VERSION__:'), scale('u16', 0)],
    ]);
    const newLayout = api.tx.system.killStorage([valueKey('PowerPerUnit'), valueKey('CounterForMiners')]);
    for (const call of [newLayout, oldLayout]) {
      const { events, error } = await submit(api, api.tx.sudo.sudo(call), alice);
      assert.equal(error, null);
      const sudid = events.find(({ event }) => api.events.sudo.Sudid.is(event)).event;
      assert.ok(sudid.data.sudoResult.isOk, 'the storage was rewritten');
    }
    assert.equal((await api.query.proofOfResource.counterForMiners()).toNumber(), 0);
    assert.equal(await rawValue(valueKey(':__STORAGE_VERSION__:')), '0x0000');
  });

  test('QAS holders pass system.setCode of the next runtime on the root track', async () => {
    const { alice, bob, charlie, dave, eve } = accounts;
    const wasm = nextRuntimeWasm();
    const setCode = api.tx.system.setCode(u8aToHex(wasm));
    const noted = await submit(api, api.tx.preimage.notePreimage(setCode.method.toHex()), alice);
    assert.equal(noted.error, null, 'the preimage of setCode is noted');
    const submitted = await submit(api, api.tx.referenda.submit(
      { system: 'Root' },
      { Lookup: { hash: setCode.method.hash.toHex(), len: setCode.method.encodedLength } },
      { After: 1 },
    ), alice);
    assert.equal(submitted.error, null);
    const event = submitted.events.find(({ event: e }) => api.events.referenda.Submitted.is(e)).event;
    assert.equal(event.data.track.toNumber(), 0, 'the root track');
    referendum = event.data.index.toNumber();
    assert.equal((await submit(api, api.tx.referenda.placeDecisionDeposit(referendum), alice)).error, null);
    await Promise.all([bob, charlie, dave, eve].map(async (voter) => {
      const { error } = await submit(api, api.tx.convictionVoting.vote(referendum, {
        Standard: { vote: { aye: true, conviction: 'Locked1x' }, balance: 800_000n * QAS },
      }), voter);
      assert.equal(error, null);
    }));
    assert.equal(api.runtimeVersion.specVersion.toNumber(), 100);
  });

  test('the scheduler enacts it, the next block runs spec 101 and the migration ran', async () => {
    // Watched over plain JSON-RPC, and read afterwards with a new client: a polkadot.js
    // client that lives through an upgrade goes on decoding some storage with the type
    // ids of the metadata it started with (polkadot-js/api#4557), so services built on
    // it reconnect after an upgrade, as this test does.
    const specVersion = async (at) => (await rpcCall(node.rpcPort, 'state_getRuntimeVersion', at ? [at] : []))
      .specVersion;
    await waitFor(async () => (await specVersion()) === 101, 300000, 'spec version 101');
    await api.disconnect();
    api = await connect(`ws://127.0.0.1:${node.rpcPort}`);
    node.api = api;
    const info = await api.query.referenda.referendumInfoFor(referendum);
    assert.equal(info.unwrap().type, 'Approved');
    // The block that enacted setCode: the first whose state holds the new code.
    let enacted = await bestNumber(api);
    while ((await specVersion((await api.rpc.chain.getBlockHash(enacted - 1)).toHex())) === 101) enacted -= 1;
    const events = await (await api.at(await api.rpc.chain.getBlockHash(enacted))).query.system.events();
    assert.ok(events.some(({ event }) => api.events.system.CodeUpdated.is(event)), `CodeUpdated in block ${enacted}`);
    assert.ok(events.some(({ event }) => api.events.scheduler.Dispatched.is(event) && event.data.result.isOk),
      'the scheduler dispatched the enactment');
    // One block of the new runtime, whose first act was the migration.
    const upgradedAt = await bestNumber(api);
    await waitFor(async () => (await bestNumber(api)) > upgradedAt, 60000, 'a block of the new runtime');
    assert.equal(await rawValue(valueKey(':__STORAGE_VERSION__:')), '0x0100', 'storage version 1');
    assert.equal(await rawValue(valueKey('Weights')), null, 'Weights is gone');
    assert.equal(await rawValue(valueKey('MinerCount')), null, 'MinerCount is gone');
    assert.deepEqual((await api.query.proofOfResource.powerPerUnit()).toJSON(), oldWeights,
      'the resource weights moved to PowerPerUnit');
    assert.equal((await api.query.proofOfResource.counterForMiners()).toNumber(), 3, 'three miners counted');
  });

  test('after the upgrade the chain keeps producing, finalizing and taking transactions', async () => {
    const { alice, ferdie } = accounts;
    const best = await bestNumber(api);
    await waitFor(async () => (await finalizedNumber(api)) >= best + 2, 90000, `finality past block ${best + 1}`);
    const before = await qqq(api, ferdie.address);
    const { error } = await submit(api, api.tx.balances.transferKeepAlive(ferdie.address, QQQ), alice);
    assert.equal(error, null);
    assert.equal(await qqq(api, ferdie.address), before + QQQ);
    assert.equal(api.runtimeVersion.specVersion.toNumber(), 101);
  });
});

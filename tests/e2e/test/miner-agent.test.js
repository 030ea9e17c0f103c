// Two poseidon-miner agents against a real dev node: nobody sends a miner extrinsic by
// hand. The agents register, prove every era from the usage files their "serving
// software" (this test) keeps writing, and claim; a customer pays in two eras; one
// agent is killed with SIGKILL in the middle and restarted on its data directory.
// The rewards must land in both accounts, with one proof per miner and era and no
// failed (paid-for) transaction.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  freePort, minerBinary, sleep, startDevChain, startProcess, stopProcess, waitFor,
} from '../lib/node.js';
import { bestNumber, qqq, submit } from '../lib/chain.js';
import { QQQ } from '../lib/constants.js';

const BOND = 1_000n * QQQ;
/** Bytes each miner's serving software reports a second (Eve serves three times more). */
const RATE = { dave: 1_000_000, eve: 3_000_000 };

describe('poseidon-miner: two unattended agents on poseidon-node --dev', () => {
  let node;
  let api;
  let accounts;
  let work;
  let feeder;
  const agents = {};
  const served = { dave: 0, eve: 0 };
  const startBalance = {};

  const usageFile = (name) => join(work, `${name}-usage.json`);
  const writeUsage = (name) => {
    // Written beside and renamed over, as serving software should, so the agent never
    // reads half a file.
    const tmp = `${usageFile(name)}.tmp`;
    writeFileSync(tmp, JSON.stringify({ bandwidth_bytes: served[name], cpu_seconds: served[name] / 1e6 }));
    renameSync(tmp, usageFile(name));
  };

  async function startAgent(name) {
    const port = await freePort();
    const proc = startProcess(minerBinary(), [
      'run',
      '--url', `ws://127.0.0.1:${node.rpcPort}`,
      '--suri', `//${name[0].toUpperCase()}${name.slice(1)}`,
      '--profile', join(work, 'profile.toml'),
      '--usage-source', `file:${usageFile(name)}`,
      '--data-dir', join(work, `${name}-data`),
      '--prometheus-port', String(port),
      '--poll-ms', '1000',
    ]);
    agents[name] = { proc, port };
  }

  before(async () => {
    ({ node, api, accounts } = await startDevChain());
    work = mkdtempSync(join(tmpdir(), 'poseidon-miner-e2e-'));
    writeFileSync(join(work, 'profile.toml'),
      'bandwidth_mbps = 100\ncpu_millicores = 2000\nstorage_gib = 600\nregion = 276\n');
    for (const name of ['dave', 'eve']) {
      startBalance[name] = await qqq(api, accounts[name].address);
      writeUsage(name);
    }
    feeder = setInterval(() => {
      for (const name of ['dave', 'eve']) {
        served[name] += RATE[name];
        writeUsage(name);
      }
    }, 1000);
    await startAgent('dave');
    await startAgent('eve');
  });

  after(async () => {
    clearInterval(feeder);
    for (const { proc } of Object.values(agents)) await stopProcess(proc);
    await node?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const era = async () => (await api.query.proofOfResource.era()).unwrap().current.toNumber();
  const proved = async (e, who) => (await api.query.proofOfResource.proofs(e, who.address)).isSome;
  const claimed = async (e, who) => (await api.query.revenue.claimedRewards(e, who.address)).isSome;

  test('the agents register, prove, survive a kill, and claim two paid eras by themselves', async (t) => {
    const { dave, eve, ferdie } = accounts;
    await waitFor(async () => (await api.query.proofOfResource.miners(dave.address)).isSome &&
      (await api.query.proofOfResource.miners(eve.address)).isSome, 60000, 'both agents to register');

    // A customer pays in eras 1 and 2.
    await waitFor(async () => (await era()) >= 1, 120000, 'era 1');
    const paid = [];
    const pay = async () => {
      const { error } = await submit(api, api.tx.revenue.payForService(100n * QQQ, `order-${paid.length}`), ferdie);
      assert.equal(error, null);
      paid.push(await era());
    };
    await pay();

    // Eve's agent is killed once her proof of era 1 is in, and comes back 8 s later.
    await waitFor(async () => proved(1, eve), 120000, "Eve's proof of era 1");
    process.kill(agents.eve.proc.child.pid, 'SIGKILL');
    await agents.eve.proc.exited;
    await sleep(8000);
    await startAgent('eve');

    await waitFor(async () => (await era()) >= 2, 120000, 'era 2');
    await pay();
    assert.deepEqual(paid, [1, 2], 'one payment in each of eras 1 and 2');

    // Era 2 settles four blocks into era 3; the agents claim it then.
    await waitFor(async () => (await claimed(2, dave)) && (await claimed(2, eve)), 240000,
      'both agents to claim era 2');

    // Every block so far: what the miners' accounts did, and what it cost them.
    const best = await bestNumber(api);
    const mine = { [dave.address]: 'dave', [eve.address]: 'eve' };
    const seen = { dave: { fees: 0n, claimed: 0n, proofs: [], claims: {}, failed: 0 },
      eve: { fees: 0n, claimed: 0n, proofs: [], claims: {}, failed: 0 } };
    for (let number = 1; number <= best; number += 1) {
      const hash = await api.rpc.chain.getBlockHash(number);
      const [block, events] = await Promise.all([api.rpc.chain.getBlock(hash), api.query.system.events.at(hash)]);
      block.block.extrinsics.forEach((extrinsic, index) => {
        const name = extrinsic.isSigned ? mine[extrinsic.signer.toString()] : undefined;
        if (!name) return;
        for (const { phase, event } of events) {
          if (!phase.isApplyExtrinsic || phase.asApplyExtrinsic.toNumber() !== index) continue;
          if (api.events.system.ExtrinsicFailed.is(event)) seen[name].failed += 1;
          if (api.events.transactionPayment.TransactionFeePaid.is(event)) seen[name].fees += event.data[1].toBigInt();
        }
      });
      for (const { event } of events) {
        const who = mine[event.data[0]?.toString()];
        if (!who) continue;
        if (api.events.proofOfResource.ProofAccepted.is(event)) seen[who].proofs.push(event.data[1].toNumber());
        if (api.events.revenue.MinerRewardsClaimed.is(event)) {
          seen[who].claims[event.data[1].toNumber()] = event.data[2].toBigInt();
          seen[who].claimed += event.data[2].toBigInt();
        }
      }
    }

    for (const name of ['dave', 'eve']) {
      const s = seen[name];
      assert.equal(s.failed, 0, `${name}: no transaction of the agent failed (none was a paid duplicate)`);
      assert.equal(new Set(s.proofs).size, s.proofs.length, `${name}: one proof per era, ${s.proofs}`);
      for (const e of [1, 2]) {
        assert.ok(s.proofs.includes(e), `${name} proved era ${e}`);
        assert.ok(s.claims[e] > 0n, `${name} claimed era ${e}`);
      }
      // The rewards are in the account: free = start − bond − fees + claimed, exactly.
      const free = await qqq(api, accounts[name].address);
      assert.equal(free, startBalance[name] - BOND - s.fees + s.claimed, `${name}'s free QQQ`);
      const claimable = (await api.call.revenueApi.claimableRewards(accounts[name].address)).map(([e]) => e.toNumber());
      assert.ok(!claimable.includes(1) && !claimable.includes(2), `${name} has nothing left of eras 1 and 2`);
    }
    for (const name of ['dave', 'eve']) {
      const claims = Object.entries(seen[name].claims).map(([e, a]) => `era ${e}: ${Number(a) / 1e12} QQQ`);
      t.diagnostic(`${name}: proofs of eras ${seen[name].proofs}, claims ${claims.join(', ')}, fees ${Number(seen[name].fees) / 1e12} QQQ`);
    }
    // Eve served three times what Dave did, and was paid more for it in both eras.
    for (const e of [1, 2]) assert.ok(seen.eve.claims[e] > seen.dave.claims[e], `era ${e}: Eve earned more`);

    // What the operator sees: the restarted agent's metrics and the status command.
    const metrics = await (await fetch(`http://127.0.0.1:${agents.eve.port}/metrics`)).text();
    assert.match(metrics, /poseidon_miner_claims_total [1-9]/);
    assert.match(metrics, /poseidon_miner_last_proven_era [2-9]/);
    const status = execFileSync(minerBinary(), ['status', '--url', `ws://127.0.0.1:${node.rpcPort}`,
      '--suri', '//Eve', '--data-dir', join(work, 'eve-data')], { encoding: 'utf8' });
    assert.match(status, /registration Active/);
    assert.match(status, /0 eras missed/);
  });

  test('the one-shot commands refuse what the chain would refuse, unpaid, and do the rest', async () => {
    const { dave, ferdie } = accounts;
    await stopProcess(agents.dave.proc); // Dave now acts by hand
    const url = `ws://127.0.0.1:${node.rpcPort}`;
    const cli = (...args) => spawnSync(minerBinary(), args, { encoding: 'utf8' });
    const nonce = async () => (await api.rpc.system.accountNextIndex(dave.address)).toNumber();

    const before = await nonce();
    let run = cli('withdraw-bond', '--url', url, '--suri', '//Dave');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /still mining: deregister first/);
    assert.equal(await nonce(), before, 'nothing was signed');

    run = cli('deregister', '--url', url, '--suri', '//Dave');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /included in block #\d+/);
    assert.match(run.stdout, /withdrawn from era \d+/);
    assert.ok((await api.query.proofOfResource.miners(dave.address)).unwrap().status.isUnbonding);

    const afterDeregister = await nonce();
    run = cli('deregister', '--url', url, '--suri', '//Dave');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /already leaving/);
    run = cli('withdraw-bond', '--url', url, '--suri', '//Dave');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /locked until era \d+/);
    assert.equal(await nonce(), afterDeregister, 'refused commands sign nothing');

    run = cli('claim', '--url', url, '--suri', '//Dave');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /nothing to claim/);

    run = cli('status', '--url', url, '--suri', '//Ferdie');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /registration not registered/);
    assert.ok(run.stdout.includes(ferdie.address));

    run = cli('status', '--url', 'wss://rpc.example', '--suri', '//Dave');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /SSH tunnel/);
    run = cli('run', '--url', url, '--suri', '//Dave', '--profile', join(work, 'profile.toml'),
      '--usage-source', 'ftp://nowhere');
    assert.equal(run.status, 2, 'a usage source clap cannot parse is a usage error');
    assert.match(run.stderr, /unknown usage source/);
  });
});

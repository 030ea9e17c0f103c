// The production template, launched the way README.md tells operators to: export it
// with `build-spec --chain production`, replace its placeholder accounts and session keys
// with real ones (here: keys generated for the test), build the raw spec, insert each
// validator's keys with `key insert`, and start the validators. Three of the four launch
// validators run: the fourth stays down, and the chain still produces and finalizes.
// There is no sudo key; the company account moves its genesis QAS. Finally a validator
// killed with SIGKILL restarts from its database and finality resumes (SPEC §12).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import {
  connect, freePortRange, nodeBinary, startProcess, stopProcess, waitFor,
} from '../lib/node.js';
import { finalizedNumber, qas, submit } from '../lib/chain.js';
import { QAS } from '../lib/constants.js';

/** Runs `poseidon-node` with `args` and returns its standard output. */
function nodeCli(args) {
  // A spec carries the runtime's Wasm: megabytes of output.
  return execFileSync(nodeBinary(), args, {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
}

/** Writes a new network key into `basePath` for the chain `spec`; returns its peer id. */
function generateNodeKey(spec, basePath) {
  const { status, stderr } = spawnSync(nodeBinary(),
    ['key', 'generate-node-key', '--chain', spec, '--base-path', basePath], { encoding: 'utf8' });
  assert.equal(status, 0, stderr);
  // It prints where it wrote the key, then the peer id, on standard error.
  return stderr.trim().split('\n').at(-1).trim();
}

/** The `type` key pair of secret phrase `phrase` (a new one by default). */
function keyPair(type, phrase = mnemonicGenerate()) {
  return new Keyring({ type, ss58Format: 42 }).addFromUri(phrase);
}

/**
 * A validator's keys: its account (an sr25519 key whose secret stays offline) and, from
 * another secret phrase, the node's session keys: Aura (sr25519) and GRANDPA (ed25519).
 */
function newValidatorKeys() {
  const account = keyPair('sr25519');
  const sessionPhrase = mnemonicGenerate();
  const aura = keyPair('sr25519', sessionPhrase);
  const grandpa = keyPair('ed25519', sessionPhrase);
  return {
    account: account.address,
    sessionPhrase,
    aura: aura.address,
    auraPublic: u8aToHex(aura.publicKey),
    grandpa: grandpa.address,
  };
}

describe('the production template', () => {
  let dir;
  let base;
  let validators;
  let company;
  let firstPeerId;
  let nodes = [];
  let api;

  /** Starts launch validator `i` (0-2) from its base path; the first is the others' bootnode. */
  function startValidator(i) {
    return startProcess(nodeBinary(), [
      '--chain', join(dir, 'production-raw.json'),
      '--validator',
      '--name', `validator-${i}`,
      '--base-path', join(dir, `validator-${i}`),
      '--rpc-port', String(base + 100 + i),
      '--prometheus-port', String(base + 200 + i),
      '--listen-addr', `/ip4/127.0.0.1/tcp/${base + i}`,
      ...(i === 0 ? [] : ['--bootnodes', `/ip4/127.0.0.1/tcp/${base}/p2p/${firstPeerId}`]),
      // A Live chain ignores private addresses unless told otherwise.
      '--allow-private-ip',
      '--no-mdns',
      '--no-telemetry',
    ]);
  }

  before(async () => {
    await cryptoWaitReady();
    dir = mkdtempSync(join(tmpdir(), 'poseidon-production-'));
    base = await freePortRange(203);
  });

  after(async () => {
    await api?.disconnect().catch(() => {});
    await Promise.all(nodes.map((node) => stopProcess(node)));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the exported template has no sudo key and only placeholder accounts', () => {
    const template = nodeCli(['build-spec', '--chain', 'production', '--disable-default-bootnode']);
    const spec = JSON.parse(template);
    assert.equal(spec.id, 'poseidon');
    assert.equal(spec.chainType, 'Live');
    const { patch } = spec.genesis.runtimeGenesis;
    assert.equal(patch.sudo?.key ?? null, null, 'no sudo key');
    assert.equal(patch.proofOfResource.eraLength, 14400);
    // The governance periods are compiled into the runtime: no genesis field sets them.
    assert.equal(patch.origins, undefined);
    assert.equal(patch.session.keys.length, 4);

    // Replace every placeholder, as text: the balances are u128 numbers that a JSON
    // round trip through JavaScript numbers would corrupt.
    let edited = template;
    const replace = (placeholder, real) => {
      assert.ok(edited.includes(placeholder), `${placeholder} is in the template`);
      edited = edited.replaceAll(placeholder, real);
    };
    validators = patch.session.keys.map(([account, , keys]) => {
      const real = newValidatorKeys();
      replace(account, real.account);
      replace(keys.aura, real.aura);
      replace(keys.grandpa, real.grandpa);
      return real;
    });
    company = keyPair('sr25519');
    replace(patch.companyTreasury.treasuryAccount, company.address);

    const specFile = join(dir, 'production.json');
    writeFileSync(specFile, edited);
    writeFileSync(join(dir, 'production-raw.json'),
      nodeCli(['build-spec', '--chain', specFile, '--raw', '--disable-default-bootnode']));
  });

  test('three of the four launch validators produce and finalize blocks', async () => {
    const rawSpec = join(dir, 'production-raw.json');
    for (const [i, keys] of validators.slice(0, 3).entries()) {
      const basePath = join(dir, `validator-${i}`);
      // A validator needs a network key of its own; the first one's peer id is the
      // others' bootnode.
      const peerId = generateNodeKey(rawSpec, basePath);
      if (i === 0) firstPeerId = peerId;
      for (const [type, scheme] of [['aura', 'sr25519'], ['gran', 'ed25519']]) {
        nodeCli(['key', 'insert', '--chain', rawSpec, '--base-path', basePath,
          '--key-type', type, '--scheme', scheme, '--suri', keys.sessionPhrase]);
      }
      nodes.push(startValidator(i));
    }
    api = await connect(`ws://127.0.0.1:${base + 100}`, 90000);

    assert.equal((await api.rpc.system.chainType()).toString(), 'Live');
    assert.ok((await api.query.sudo.key()).isNone, 'a production chain has no sudo key');
    assert.equal((await api.query.proofOfResource.era()).unwrap().length.toNumber(), 14400);
    // The four launch validators, in the order the genesis election ranked them.
    const authorities = (await api.query.aura.authorities()).map((key) => key.toHex());
    assert.deepEqual(authorities.sort(), validators.map((v) => v.auraPublic).sort());

    // GRANDPA needs three of four votes: the three running validators finalize alone.
    await waitFor(async () => (await finalizedNumber(api)) >= 3, 120000, 'finalized block 3');
  });

  test('the company account holds the undistributed QAS and can move it', async () => {
    const bob = keyPair('sr25519');
    const before = await qas(api, company.address);
    assert.equal(before, 100_000_000n * QAS - 4n * 10_000n * QAS);
    const { error } = await submit(api, api.tx.qasBalances.transferKeepAlive(bob.address, 1_000n * QAS), company);
    assert.equal(error, null);
    assert.equal(await qas(api, bob.address), 1_000n * QAS);
  });

  // SPEC §12: a node stopped with SIGKILL restarts from its database. With one of the
  // three running validators down, two of four cannot finalize; once it is back, the
  // three finalize again.
  test('a validator killed with SIGKILL restarts from its database and finality resumes', async () => {
    const victim = 2;
    const victimApi = await connect(`ws://127.0.0.1:${base + 100 + victim}`, 30000);
    const finalizedBeforeKill = await finalizedNumber(victimApi);
    await victimApi.disconnect();
    process.kill(nodes[victim].child.pid, 'SIGKILL');
    await nodes[victim].exited;
    const finalizedWhileDown = await finalizedNumber(api);

    nodes[victim] = startValidator(victim);
    const restartedApi = await connect(`ws://127.0.0.1:${base + 100 + victim}`, 60000);
    try {
      // The node starts from the best block in its database, not from genesis: at least
      // from the block it had finalized (and so written) before the kill.
      const { startingBlock } = await restartedApi.rpc.system.syncState();
      assert.ok(finalizedBeforeKill > 0 && startingBlock.toNumber() >= finalizedBeforeKill,
        `restarted at ${startingBlock}, had finalized block ${finalizedBeforeKill} before the kill`);
      const target = finalizedWhileDown + 3;
      await waitFor(async () => (await finalizedNumber(api)) >= target, 120000, `finalized block ${target}`);
      await waitFor(async () => (await finalizedNumber(restartedApi)) >= target, 60000,
        'the restarted validator to finalize with the others');
    } finally {
      await restartedApi.disconnect().catch(() => {});
    }
  });
});

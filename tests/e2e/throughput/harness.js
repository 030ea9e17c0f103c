// The throughput harness: how many of each call a real dev node puts in its blocks,
// measured from the blocks themselves, against the ceiling the runtime's normal-class
// block weight and block length allow for that call.
//
// `N` fresh accounts are funded from the dev accounts; then, phase by phase, every
// account sends one extrinsic: a QQQ transfer, a QAS transfer, a service payment, a
// miner registration, and (in one era) a proof. Every extrinsic of a phase is signed
// before the first is submitted, so signing is not measured; the harness reports its own
// submission rate next to the chain's inclusion rate, which shows whether the client
// kept ahead of the chain.

import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { readFileSync } from 'node:fs';
import { waitFor } from '../lib/node.js';
import { subscribeUntil } from '../lib/chain.js';
import { MINER_PROFILE, QAS, QQQ } from '../lib/constants.js';

/** Extrinsics in flight at once while submitting. */
const IN_FLIGHT = 256;

/** The `N` accounts of the harness: `//bench/0` … `//bench/N-1`. */
export function benchAccounts(count) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return Array.from({ length: count }, (_, i) => keyring.addFromUri(`//bench/${i}`));
}

/** Submits pre-signed extrinsics (hex), `IN_FLIGHT` at a time; returns the seconds taken. */
async function submitAll(api, signed) {
  const started = Date.now();
  let next = 0;
  const failures = [];
  const worker = async () => {
    while (next < signed.length) {
      const hex = signed[next++];
      try {
        await api.rpc.author.submitExtrinsic(hex);
      } catch (error) {
        failures.push(String(error.message ?? error));
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { seconds: (Date.now() - started) / 1000, refused: failures };
}

/**
 * Waits for the next new best block. A phase starts submitting right after one, so the
 * client has the whole block time to hand over its extrinsics before the next block is
 * authored: otherwise a block authored halfway through the submission holds only part of
 * the phase, and how full the fullest block gets depends on when the phase happened to
 * start.
 */
async function nextBlock(api) {
  const now = (await api.rpc.chain.getHeader()).number.toNumber();
  return subscribeUntil((callback) => api.rpc.chain.subscribeNewHeads(callback),
    (header) => (header.number.toNumber() > now ? header.number.toNumber() : undefined), 60000, 'the next block');
}

/** The most of one extrinsic a block can hold: by normal-class weight and by length. */
export async function ceilingPerBlock(api, sample, signer) {
  const { perClass } = api.consts.system.blockWeights;
  const normal = perClass.normal;
  const maxTotal = normal.maxTotal.unwrap();
  const info = await sample.paymentInfo(signer);
  const refTime = info.weight.refTime.toBigInt() + normal.baseExtrinsic.refTime.toBigInt();
  const proofSize = info.weight.proofSize.toBigInt() + normal.baseExtrinsic.proofSize.toBigInt();
  const byRefTime = maxTotal.refTime.toBigInt() / refTime;
  const byProofSize = proofSize > 0n ? maxTotal.proofSize.toBigInt() / proofSize : byRefTime;
  const maxLength = BigInt(api.consts.system.blockLength.max.normal.toNumber());
  const byLength = maxLength / BigInt(sample.encodedLength);
  const ceiling = [byRefTime, byProofSize, byLength].reduce((a, b) => (a < b ? a : b));
  return {
    ceiling: Number(ceiling),
    limitedBy: ceiling === byLength ? 'length' : ceiling === byProofSize && byProofSize < byRefTime ? 'proof size' : 'time',
    weight: { refTime, proofSize },
  };
}

/**
 * Reads the blocks after `fromBlock` until every one of `hashes` (extrinsic hashes) is
 * included or `idleBlocks` blocks pass without any; returns what the blocks hold.
 */
async function collect(api, fromBlock, hashes, { idleBlocks = 4, timeoutMs = 600000 } = {}) {
  const pending = new Set(hashes);
  const perBlock = [];
  let failed = 0;
  let number = fromBlock + 1;
  let idle = 0;
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0 && idle < idleBlocks && Date.now() < deadline) {
    await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= number, 120000,
      `block ${number}`);
    const hash = await api.rpc.chain.getBlockHash(number);
    const [block, at] = [await api.rpc.chain.getBlock(hash), await api.at(hash)];
    const [events, now] = await Promise.all([at.query.system.events(), at.query.timestamp.now()]);
    let included = 0;
    block.block.extrinsics.forEach((extrinsic, index) => {
      const extrinsicHash = extrinsic.hash.toHex();
      if (!pending.delete(extrinsicHash)) return;
      included += 1;
      const failedHere = events.some(({ phase, event }) => phase.isApplyExtrinsic
        && phase.asApplyExtrinsic.toNumber() === index && api.events.system.ExtrinsicFailed.is(event));
      if (failedHere) failed += 1;
    });
    idle = included === 0 ? idle + 1 : 0;
    if (included > 0) perBlock.push({ number, included, millis: now.toNumber() });
    number += 1;
  }
  return { perBlock, failed, missing: pending.size, lastBlock: number - 1 };
}

/**
 * Signs one extrinsic per account with `build(account, index)`, submits them all and
 * reads the blocks; returns the phase's figures.
 */
async function phase(api, name, accounts, nonces, build) {
  const txs = accounts.map((account, i) => build(account, i));
  const signed = [];
  for (const [i, tx] of txs.entries()) {
    await tx.signAsync(accounts[i], { nonce: nonces[i], era: 0 });
    nonces[i] += 1;
    signed.push(tx);
  }
  const { ceiling, limitedBy } = await ceilingPerBlock(api, signed[0], accounts[0]);
  const fromBlock = await nextBlock(api);
  const startMillis = (await api.query.timestamp.now()).toNumber();
  const submission = await submitAll(api, signed.map((tx) => tx.toHex()));
  const result = await collect(api, fromBlock, signed.map((tx) => tx.hash.toHex()));
  const included = result.perBlock.reduce((sum, b) => sum + b.included, 0);
  const fullest = result.perBlock.reduce((most, b) => Math.max(most, b.included), 0);
  // Over the phase: from the block that was the head when submission began to the last
  // block that included one of its extrinsics, by the blocks' own timestamps.
  const last = result.perBlock[result.perBlock.length - 1];
  const seconds = last ? (last.millis - startMillis) / 1000 : 0;
  return {
    name,
    submitted: signed.length,
    refused: submission.refused.length,
    included,
    failed: result.failed,
    blocks: result.perBlock.length,
    fullest,
    perSecond: seconds > 0 ? included / seconds : 0,
    submittedPerSecond: submission.seconds > 0 ? signed.length / submission.seconds : Infinity,
    ceiling,
    limitedBy,
    fullestOfCeiling: ceiling > 0 ? fullest / ceiling : 0,
    firstRefusal: submission.refused[0],
  };
}

/** Funds every account with `qqq` QQQ and `qas` QAS from the dev accounts. */
async function fund(api, devPairs, accounts, qqq, qas) {
  const nonces = await Promise.all(devPairs.map(async (pair) => (await api.rpc.system.accountNextIndex(pair.address)).toNumber()));
  const signed = [];
  for (const [i, account] of accounts.entries()) {
    for (const [tx, amount] of [[api.tx.balances.transferKeepAlive, qqq], [api.tx.qasBalances.transferKeepAlive, qas]]) {
      const sender = (signed.length) % devPairs.length;
      const extrinsic = tx(account.address, amount);
      await extrinsic.signAsync(devPairs[sender], { nonce: nonces[sender], era: 0 });
      nonces[sender] += 1;
      signed.push(extrinsic);
    }
  }
  const fromBlock = (await api.rpc.chain.getHeader()).number.toNumber();
  const submission = await submitAll(api, signed.map((tx) => tx.toHex()));
  const result = await collect(api, fromBlock, signed.map((tx) => tx.hash.toHex()), { idleBlocks: 6 });
  if (result.missing > 0 || result.failed > 0 || submission.refused.length > 0) {
    throw new Error(`funding failed: ${result.missing} missing, ${result.failed} failed, `
      + `${submission.refused.length} refused (${submission.refused[0]})`);
  }
}

/** The resident memory of process `pid`, in MiB (Linux). */
export function residentMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

/** Waits for the first block of the next era; returns that era. */
async function nextEraStart(api) {
  const clock = (await api.query.proofOfResource.era()).unwrap();
  const start = clock.start.toNumber() + clock.length.toNumber();
  await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= start, 180000, 'the next era');
  return (await api.query.proofOfResource.era()).unwrap().current.toNumber();
}

/**
 * Runs every phase with `count` accounts on the node behind `api`, funded from
 * `devPairs`; returns the figures of each phase.
 */
export async function runThroughput(api, devPairs, count) {
  await cryptoWaitReady();
  const accounts = benchAccounts(count);
  // A miner's bond, a payment and the fees of five calls, with room to spare.
  await fund(api, devPairs, accounts, 1_100n * QQQ, 10n * QAS);
  const nonces = accounts.map(() => 0);
  const next = (i) => accounts[(i + 1) % accounts.length].address;
  const phases = [];
  phases.push(await phase(api, 'QQQ balances.transferKeepAlive', accounts, nonces,
    (_, i) => api.tx.balances.transferKeepAlive(next(i), QQQ)));
  phases.push(await phase(api, 'QAS qasBalances.transferKeepAlive', accounts, nonces,
    (_, i) => api.tx.qasBalances.transferKeepAlive(next(i), QAS)));
  phases.push(await phase(api, 'revenue.payForService', accounts, nonces,
    (_, i) => api.tx.revenue.payForService(QQQ, `bench-${i}`)));
  phases.push(await phase(api, 'proofOfResource.registerMiner', accounts, nonces,
    () => api.tx.proofOfResource.registerMiner(MINER_PROFILE)));
  // All proofs of one era, from its first block, inside its proof window.
  const era = await nextEraStart(api);
  const proofs = await phase(api, 'proofOfResource.submitProof', accounts, nonces,
    (_, i) => api.tx.proofOfResource.submitProof(era, { bandwidthBytes: 1_000_000 }, blake2AsHex(`bench-${era}-${i}`)));
  const accepted = await api.query.proofOfResource.proofs.entries(era);
  proofs.acceptedInEra = accepted.length;
  proofs.era = era;
  phases.push(proofs);
  return phases;
}

/** The figures as a table, one row a phase. */
export function formatTable(phases) {
  const header = ['phase', 'included/submitted', 'failed', 'blocks', 'fullest block', 'per s',
    'ceiling/block', 'limited by', 'fullest ÷ ceiling', 'client signed-tx/s'];
  const rows = phases.map((p) => [
    p.name, `${p.included}/${p.submitted}`, String(p.failed), String(p.blocks), String(p.fullest),
    p.perSecond.toFixed(0), String(p.ceiling), p.limitedBy, `${(100 * p.fullestOfCeiling).toFixed(0)} %`,
    Number.isFinite(p.submittedPerSecond) ? p.submittedPerSecond.toFixed(0) : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

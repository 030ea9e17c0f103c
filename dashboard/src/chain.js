// Connecting to a Poseidon node and reading what several pages share: the two tokens,
// the era clock, and the revenue history of past eras.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { toBigInt } from './format.js';

/** The endpoint used when the page names none. */
export const DEFAULT_ENDPOINT = 'ws://127.0.0.1:9944';

/**
 * Connects to `endpoint` and resolves once the metadata is loaded. Rejects (and stops
 * retrying) when the node cannot be reached within `timeoutMs`, so the page can say so
 * instead of spinning forever.
 */
export async function connect(endpoint, { timeoutMs = 15000 } = {}) {
  const provider = new WsProvider(endpoint, 2500, {}, timeoutMs);
  let timer;
  try {
    const api = await Promise.race([
      ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from ${endpoint} within ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
    const [properties, chainName] = await Promise.all([api.rpc.system.properties(), api.rpc.system.chain()]);
    return { api, tokens: tokensOf(properties), chainName: chainName.toString() };
  } catch (error) {
    await provider.disconnect().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The two tokens from the chain properties (`tokenSymbol ["QQQ","QAS"]`,
 * `tokenDecimals [12,12]`): the first is the native token of `balances`, the second
 * that of `qasBalances`. Falls back to the names of the spec if a node announces none.
 */
export function tokensOf(properties) {
  const symbols = properties.tokenSymbol.isSome ? properties.tokenSymbol.unwrap().map(String) : [];
  const decimals = properties.tokenDecimals.isSome ? properties.tokenDecimals.unwrap().map((d) => d.toNumber()) : [];
  return {
    qqq: { symbol: symbols[0] ?? 'QQQ', decimals: decimals[0] ?? 12 },
    qas: { symbol: symbols[1] ?? 'QAS', decimals: decimals[1] ?? decimals[0] ?? 12 },
  };
}

/**
 * The era clock and the chain's head: current era, its first block and length, best and
 * finalized block numbers, and how long a block takes.
 */
export async function readClock(api) {
  const [era, best, finalizedHash] = await Promise.all([
    api.query.proofOfResource.era(),
    api.rpc.chain.getHeader(),
    api.rpc.chain.getFinalizedHead(),
  ]);
  const finalized = await api.rpc.chain.getHeader(finalizedHash);
  const state = era.unwrap();
  const clock = {
    era: state.current.toNumber(),
    start: state.start.toNumber(),
    length: state.length.toNumber(),
    best: best.number.toNumber(),
    finalized: finalized.number.toNumber(),
    blockMs: Number(api.consts.proofOfResource.millisecsPerBlock.toString()),
  };
  // The next era starts in the block `start + length`: the blocks until then.
  clock.nextEraBlock = clock.start + clock.length;
  clock.blocksLeft = Math.max(clock.nextEraBlock - clock.best, 0);
  return clock;
}

/**
 * The era a future block `block` will fall in, assuming the era length stays as it is
 * (a scheduled change of length is not foreseen: it is a rare governance decision).
 */
export function eraAtBlock(clock, block) {
  if (block < clock.nextEraBlock) return clock.era;
  return clock.era + 1 + Math.floor((block - clock.nextEraBlock) / clock.length);
}

/** A `RevenueSplit` codec as plain numbers, with the treasury's remainder. */
export function splitOf(split) {
  const miners = split.miners.toNumber();
  const supernodes = split.supernodes.toNumber();
  const depositors = split.depositors.toNumber();
  return { miners, supernodes, depositors, treasury: Math.max(100 - miners - supernodes - depositors, 0) };
}

/** "65/5/10/20": miners / supernodes / depositors / treasury. */
export function splitText(split) {
  return `${split.miners}/${split.supernodes}/${split.depositors}/${split.treasury}`;
}

/**
 * The revenue of past eras, read from the chain's state at the last block of each era
 * (when `revenue.eraRevenue` holds the era's whole revenue and `revenue.eraSplit` its
 * split, before settlement removes them). Walks back one era at a time from the current
 * one; finished eras never change, so they are cached.
 *
 * A node keeps the state of only its last 256 blocks unless it runs with
 * `--state-pruning archive`: older eras are then out of reach and `limited` is set.
 */
export class RevenueHistory {
  constructor(api) {
    this.api = api;
    /** era → { era, start, revenue, split } of finished eras. */
    this.eras = new Map();
    /** era → its first block, as far as known. */
    this.starts = new Map();
    this.limited = false;
    /** Eras at or below this one are out of reach (pruned state); not asked again. */
    this.unreachable = -1;
  }

  /** The last `count` eras up to the current one (which is in progress), oldest first. */
  async lastEras(clock, count) {
    const { api } = this;
    this.starts.set(clock.era, clock.start);
    const oldest = Math.max(clock.era - count + 1, 0);
    for (let era = clock.era - 1; era >= oldest; era--) {
      if (this.eras.has(era)) continue;
      if (era <= this.unreachable) break;
      const nextStart = this.starts.get(era + 1);
      if (nextStart === undefined || nextStart < 2) break;
      try {
        const hash = await api.rpc.chain.getBlockHash(nextStart - 1);
        const at = await api.at(hash);
        const [state, revenue, split] = await Promise.all([
          at.query.proofOfResource.era(),
          at.query.revenue.eraRevenue(era),
          at.query.revenue.eraSplit(era),
        ]);
        const start = state.unwrap().start.toNumber();
        this.starts.set(era, start);
        this.eras.set(era, {
          era,
          start,
          revenue: revenue.toBigInt(),
          split: split.isSome ? splitOf(split.unwrap()) : null,
        });
      } catch {
        // State of that block discarded by a pruning node.
        this.limited = true;
        this.unreachable = era;
        break;
      }
    }
    const [current, currentSplit] = await Promise.all([
      api.query.revenue.eraRevenue(clock.era),
      api.query.revenue.currentSplit(),
    ]);
    const result = [];
    for (let era = oldest; era < clock.era; era++) {
      if (this.eras.has(era)) result.push(this.eras.get(era));
    }
    result.push({ era: clock.era, start: clock.start, revenue: current.toBigInt(), split: splitOf(currentSplit), inProgress: true });
    return result;
  }
}

/** Sums codec amounts (or BigInts) as a BigInt. */
export function sum(values) {
  return values.reduce((total, value) => total + toBigInt(value), 0n);
}

/** The keyless account of a pallet from its `PalletId` constant (`modl` ++ id, zero padded). */
export function palletAccount(api, section) {
  const id = api.consts[section].palletId.toU8a();
  const bytes = new Uint8Array(32);
  bytes.set(new TextEncoder().encode('modl'));
  bytes.set(id, 4);
  return api.createType('AccountId32', bytes).toString();
}

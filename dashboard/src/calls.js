// What a referendum would do, in words.
//
// A referendum holds its call as a `Bounded` value: the encoded call itself (`Inline`,
// for short calls) or the hash and length of a preimage noted with
// `preimage.notePreimage` (`Lookup`). The call is fetched and decoded with the runtime's
// metadata, then described: the calls of this network's own governance (the revenue
// split, era length, deposit plans, election parameters, bonds, …) as a sentence, any
// other call as `section.method(arg: value, …)`, amounts always with their token.

import { formatAmount, formatPerbill, formatCount } from './format.js';
import { splitOf, splitText } from './chain.js';

/**
 * The encoded call of a `Bounded` proposal, or null when its preimage is not (or no
 * longer) on chain.
 */
export async function proposalBytes(api, bounded) {
  if (bounded.isInline) return bounded.asInline.toU8a(true);
  let hash;
  let len;
  if (bounded.isLookup) {
    hash = hashOf(bounded.asLookup);
    len = bounded.asLookup.len;
  } else if (bounded.isLegacy) {
    hash = hashOf(bounded.asLegacy);
    const status = await api.query.preimage.requestStatusFor(hash);
    if (status.isNone) return null;
    const inner = status.unwrap();
    if (inner.isUnrequested) len = inner.asUnrequested.len;
    else if (inner.asRequested.maybeLen.isSome) len = inner.asRequested.maybeLen.unwrap();
    else return null;
  } else {
    return null;
  }
  const preimage = await api.query.preimage.preimageFor([hash, len]);
  return preimage.isSome ? preimage.unwrap().toU8a(true) : null;
}

/** The hash of a proposal that is not inline, for display when its preimage is missing. */
export function proposalHash(bounded) {
  if (bounded.isLookup) return hashOf(bounded.asLookup).toHex();
  if (bounded.isLegacy) return hashOf(bounded.asLegacy).toHex();
  return null;
}

/** The `hash` field of a struct: @polkadot/types names it `hash_` (`hash` is the codec's own). */
function hashOf(struct) {
  return struct.hash_ ?? struct.get('hash_') ?? struct.get('hash');
}

/**
 * Decodes and describes a proposal: `{ section, method, text, call }`. `context`:
 * `{ tokens, fromEra }`, `fromEra` being the first era a call enacted at the earliest
 * would apply to (shown for changes that take effect "from the next era").
 */
export async function describeProposal(api, bounded, context) {
  const bytes = await proposalBytes(api, bounded);
  if (!bytes) {
    const hash = proposalHash(bounded);
    return { section: null, method: null, text: `preimage ${hash ? `${hash.slice(0, 10)}…` : ''} not on chain`, call: null };
  }
  let call;
  try {
    call = api.registry.createType('Call', bytes);
  } catch (error) {
    return { section: null, method: null, text: `undecodable call (${error.message})`, call: null };
  }
  return { section: call.section, method: call.method, text: describeCall(api, call, context), call };
}

/** A decoded call in words (see the module's comment). */
export function describeCall(api, call, context) {
  const { tokens } = context;
  const id = `${call.section}.${call.method}`;
  const from = context.fromEra === undefined || context.fromEra === null
    ? 'from the era after enactment'
    : `from era ${context.fromEra}`;
  try {
    switch (id) {
      case 'revenue.setSplit':
        return `split ${splitText(splitOf(call.args[0]))} ${from}`;
      case 'proofOfResource.setEraLength':
        return `era length ${formatCount(call.args[0])} blocks ${from}`;
      case 'proofOfResource.setResourceWeights': {
        const w = call.args[0];
        return `resource weights: ${formatCount(w.perBandwidthByte)} per byte, `
          + `${formatCount(w.perCpuSecond)} per CPU second, ${formatCount(w.perStorageGibHour)} per GiB·hour`;
      }
      case 'deposits.createPlan': {
        const [lockEras, multiplier, minAmount] = call.args;
        return `new deposit plan: ${lockEras.toNumber()} eras at ×${multiplier.toNumber() / 100}, `
          + `from ${formatAmount(minAmount, tokens.qas)}`;
      }
      case 'deposits.closePlan':
        return `close deposit plan ${call.args[0].toNumber()}`;
      case 'supernodes.setElectionParams': {
        const p = call.args[0];
        return `elections: terms of ${p.termLength.toNumber()} eras, ${p.desiredSupernodes.toNumber()} supernodes, `
          + `${p.desiredRunnersUp.toNumber()} runners-up, at least ${p.minValidators.toNumber()} validators`;
      }
      case 'companyTreasury.setTreasuryAccount':
        return `treasury account → ${call.args[0].toString()}`;
      case 'parameters.setParameter':
        return describeParameter(call.args[0], tokens) ?? genericCall(call, tokens);
      case 'origins.dispatchAsRoot':
        return `as Root: ${describeCall(api, call.args[0], context)}`;
      case 'referenda.cancel':
        return `cancel referendum #${call.args[0].toNumber()} (deposits returned)`;
      case 'referenda.kill':
        return `kill referendum #${call.args[0].toNumber()} (deposits burnt)`;
      case 'system.setCode':
      case 'system.setCodeWithoutChecks':
        return `runtime upgrade (${formatCount(call.args[0].length)} bytes of Wasm)`;
      default:
        return genericCall(call, tokens);
    }
  } catch {
    return genericCall(call, tokens);
  }
}

/** `parameters.setParameter` of a bond or the capacity cap, or null if unknown. */
function describeParameter(parameter, tokens) {
  const group = parameter.type;
  const inner = parameter.value;
  const name = inner.type;
  const value = inner.value[1];
  const reset = value.isNone;
  const unwrapped = reset ? null : value.unwrap();
  if (group === 'Bonds' && name === 'MinerBond') {
    return reset ? 'miner bond → genesis default' : `miner bond → ${formatAmount(unwrapped, tokens.qqq)}`;
  }
  if (group === 'Bonds' && name === 'CandidacyBond') {
    return reset ? 'candidacy bond → genesis default' : `candidacy bond → ${formatAmount(unwrapped, tokens.qas)}`;
  }
  if (group === 'Capacity' && name === 'MaxCapacity') {
    if (reset) return 'miner capacity cap → genesis default';
    return `miner capacity cap → ${formatCount(unwrapped.bandwidthMbps)} Mbit/s, `
      + `${formatCount(unwrapped.cpuMillicores)} millicores, ${formatCount(unwrapped.storageGib)} GiB`;
  }
  return null;
}

/** Which token an amount argument of `section.method` is in, judged by its type name. */
function tokenOfArgument(section, typeName, tokens) {
  const name = typeName ?? '';
  if (/Qas/.test(name)) return tokens.qas;
  if (/Qqq/.test(name)) return tokens.qqq;
  if (!/Balance/.test(name)) return null;
  return ['qasBalances', 'convictionVoting', 'referenda'].includes(section) ? tokens.qas : tokens.qqq;
}

/** `section.method(name: value, …)`, amounts with their token. */
export function genericCall(call, tokens) {
  const args = call.meta.args.map((arg, i) => {
    const name = arg.name.toString();
    const value = call.args[i];
    const token = tokenOfArgument(call.section, arg.typeName.isSome ? arg.typeName.unwrap().toString() : '', tokens);
    let text;
    if (token && /^(u\d+|Compact<u\d+>)$/.test(value.toRawType())) text = formatAmount(value, token);
    else if (value.toRawType() === 'Perbill') text = formatPerbill(value);
    else text = primitiveText(value);
    return `${name}: ${text}`;
  });
  return `${call.section}.${call.method}(${args.join(', ')})`;
}

function primitiveText(value) {
  const primitive = value.toPrimitive();
  const text = typeof primitive === 'object' && primitive !== null ? JSON.stringify(primitive) : String(primitive);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

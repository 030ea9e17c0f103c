// How the dashboard writes and reads numbers.
//
// Poseidon has two tokens with the same 12 decimals, QQQ (`balances`) and QAS
// (`qasBalances`). Generic tools label every amount with the chain's first symbol, so QAS
// votes and deposits show up as "QQQ". Here every amount goes through `formatAmount` with
// the token it is in, and every amount typed goes through `parseAmount` with the token of
// the call it is for: there is no way to print a balance without naming its token.

/** Anything that holds an integer amount: a BigInt, a number, a decimal string, a codec. */
export function toBigInt(value) {
  if (typeof value === 'bigint') return value;
  if (value === null || value === undefined) return 0n;
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  if (typeof value === 'string') return BigInt(value);
  if (typeof value.toBigInt === 'function') return value.toBigInt();
  return BigInt(value.toString());
}

/** Groups the digits of a non-negative integer string by three, with spaces: "1 234 567". */
function groupThousands(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * `value` base units of `token` (`{ symbol, decimals }`) as text, e.g. "1 234.5 QAS".
 *
 * At most `fraction` decimals are shown, rounded down (what you have is never
 * overstated); a positive amount too small to show reads "< 0.0001 QAS". `exact: true`
 * shows every significant decimal.
 */
export function formatAmount(value, token, { fraction = 4, exact = false } = {}) {
  const amount = toBigInt(value);
  const negative = amount < 0n;
  const units = negative ? -amount : amount;
  const scale = 10n ** BigInt(token.decimals);
  const whole = units / scale;
  let rest = (units % scale).toString().padStart(token.decimals, '0');
  if (!exact) rest = rest.slice(0, fraction);
  rest = rest.replace(/0+$/, '');
  if (whole === 0n && rest === '' && units > 0n) {
    return `< 0.${'0'.repeat(Math.max(fraction - 1, 0))}1 ${token.symbol}`;
  }
  const number = groupThousands(whole.toString()) + (rest ? `.${rest}` : '');
  return `${negative ? '-' : ''}${number} ${token.symbol}`;
}

/**
 * Reads an amount typed in whole tokens ("1 234.5", "1234,5" is refused to avoid
 * ambiguity) into base units of `token`. Throws a readable error for anything else.
 */
export function parseAmount(text, token) {
  const cleaned = String(text).trim().replace(/[\s_\u00a0\u202f]/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) {
    throw new Error(`"${text}" is not an amount of ${token.symbol} (use digits and a decimal point)`);
  }
  const [whole, fractionDigits = ''] = cleaned.split('.');
  if (fractionDigits.length > token.decimals) {
    throw new Error(`${token.symbol} has ${token.decimals} decimals; "${text}" has more`);
  }
  return BigInt(whole) * 10n ** BigInt(token.decimals) + BigInt(fractionDigits.padEnd(token.decimals, '0') || '0');
}

/** `value` base units of `token` as a JavaScript number of whole tokens, for charts only. */
export function toTokenNumber(value, token) {
  const amount = toBigInt(value);
  const scale = 10n ** BigInt(token.decimals);
  return Number(amount / scale) + Number(amount % scale) / Number(scale);
}

/** A short amount for chart labels: "1.2k", "35", "0.5". */
export function compactNumber(number) {
  const abs = Math.abs(number);
  if (abs >= 1e9) return `${trim(number / 1e9)}G`;
  if (abs >= 1e6) return `${trim(number / 1e6)}M`;
  if (abs >= 1e3) return `${trim(number / 1e3)}k`;
  return trim(number);
}

function trim(number) {
  return Number(number.toPrecision(3)).toString();
}

/** A `Percent` codec (an integer 0–100) or a number as "65 %". */
export function formatPercent(value) {
  return `${Number(toBigInt(value))} %`;
}

/** A `Perbill` (parts per billion) as a percentage, e.g. "10 %" or "12.5 %". */
export function formatPerbill(value) {
  const parts = Number(toBigInt(value));
  return `${Number((parts / 1e7).toFixed(4))} %`;
}

/** A ratio 0..1 as a percentage with up to two decimals: "3.17 %". */
export function formatRatio(ratio) {
  if (!Number.isFinite(ratio)) return '—';
  return `${Number((ratio * 100).toFixed(2))} %`;
}

/** A count with grouped thousands: "12 345". */
export function formatCount(value) {
  return groupThousands(toBigInt(value).toString());
}

/** A proof's power (an integer that can exceed 2⁵³) with grouped digits, shortened when huge. */
export function formatPower(value) {
  const power = toBigInt(value);
  if (power < 10n ** 15n) return groupThousands(power.toString());
  const digits = power.toString();
  return `${digits[0]}.${digits.slice(1, 4)}e${digits.length - 1}`;
}

/** A duration in milliseconds as "1 h 5 min", "45 s", "3 d 2 h". */
export function formatDuration(ms) {
  let seconds = Math.max(0, Math.round(ms / 1000));
  const days = Math.floor(seconds / 86400);
  seconds -= days * 86400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  if (days) return `${days} d ${hours} h`;
  if (hours) return `${hours} h ${minutes} min`;
  if (minutes) return `${minutes} min${seconds ? ` ${seconds} s` : ''}`;
  return `${seconds} s`;
}

/** An address shortened for tables: "5Grw…utQY". The full one is in the title. */
export function shortAddress(address) {
  const text = String(address);
  return text.length > 14 ? `${text.slice(0, 6)}…${text.slice(-4)}` : text;
}

/** A byte count as "1.5 GB". */
export function formatBytes(value) {
  const bytes = Number(toBigInt(value));
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let unit = 0;
  let size = bytes;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit += 1;
  }
  return `${Number(size.toPrecision(3))} ${units[unit]}`;
}

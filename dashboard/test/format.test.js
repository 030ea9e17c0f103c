// The amount helpers every page prints and reads amounts with (node --test).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatAmount, formatDuration, formatPerbill, formatPower, parseAmount,
} from '../src/format.js';

const QAS = { symbol: 'QAS', decimals: 12 };
const QQQ = { symbol: 'QQQ', decimals: 12 };
const ONE = 10n ** 12n;

test('amounts are printed in whole tokens with their symbol and grouped digits', () => {
  assert.equal(formatAmount(1234n * ONE + ONE / 2n, QAS), '1 234.5 QAS');
  assert.equal(formatAmount(1_000_000n * ONE, QQQ), '1 000 000 QQQ');
  assert.equal(formatAmount(0n, QQQ), '0 QQQ');
  assert.equal(formatAmount(30_000_000_000n, QQQ), '0.03 QQQ');
});

test('amounts are rounded down to four decimals, tiny ones are not shown as zero', () => {
  assert.equal(formatAmount(ONE + 123_456_789n, QQQ), '1.0001 QQQ');
  assert.equal(formatAmount(ONE / 3n, QQQ), '0.3333 QQQ');
  assert.equal(formatAmount(5n, QAS), '< 0.0001 QAS');
  assert.equal(formatAmount(ONE + 1n, QAS, { exact: true }), '1.000000000001 QAS');
});

test('codecs and decimal strings are accepted', () => {
  assert.equal(formatAmount({ toBigInt: () => 2n * ONE }, QAS), '2 QAS');
  assert.equal(formatAmount('1500000000000000', QAS), '1 500 QAS');
});

test('typed amounts are read in whole tokens, spaces allowed', () => {
  assert.equal(parseAmount('1 234.5', QAS), 1234n * ONE + ONE / 2n);
  assert.equal(parseAmount('150', QAS), 150n * ONE);
  assert.equal(parseAmount('0.000000000001', QQQ), 1n);
  assert.throws(() => parseAmount('1,5', QAS), /not an amount of QAS/);
  assert.throws(() => parseAmount('-3', QAS), /not an amount/);
  assert.throws(() => parseAmount('0.0000000000001', QQQ), /12 decimals/);
});

test('percentages, power and durations', () => {
  assert.equal(formatPerbill(100_000_000), '10 %');
  assert.equal(formatPerbill(125_000_000), '12.5 %');
  assert.equal(formatPower(1_234_567n), '1 234 567');
  assert.equal(formatPower(12_345_678_901_234_567n), '1.234e16');
  assert.equal(formatDuration(54_000), '54 s');
  assert.equal(formatDuration(3_600_000 + 5 * 60_000), '1 h 5 min');
  assert.equal(formatDuration(86_400_000 * 3), '3 d 0 h');
});

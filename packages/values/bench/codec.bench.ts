// `pnpm bench`: the Convex-JSON codec against raw JSON, plus sort keys and sizes, for three
// realistic documents. Each figure is the median of several timed rounds after a warm-up, and
// ours and the raw baseline are measured in the same run, alternating, so the ratio is fair.
import {
  convexToJson,
  encodeSortKey,
  getConvexSize,
  jsonToConvex,
  makeDocumentId,
  makeTableNumber,
  newInternalId,
  type JSONValue,
  type Value,
} from '@selfhost/values';

const ROUND_MS = 400;
const ROUNDS = 5;
const WARM_UP_MS = 200;
const BATCH = 64;

const users = makeTableNumber(10_001);
const id = (): string => makeDocumentId(users, newInternalId());

const small: Value = {
  _id: id(),
  _creationTime: 1_764_000_000_000.123,
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  age: 36,
  active: true,
};

const medium: Value = {
  _id: id(),
  _creationTime: 1_764_000_000_000.5,
  title: 'Weekly planning',
  author: { id: id(), name: 'Grace Hopper', roles: ['admin', 'editor'] },
  tags: ['planning', 'team', 'q4', 'roadmap'],
  settings: { notify: true, theme: 'dark', limits: { daily: 20, weekly: 100 } },
  messages: Array.from({ length: 12 }, (_, i) => ({
    author: id(),
    body: `Message number ${i}: let us meet on Thursday to go over the roadmap and the open issues.`,
    sentAt: 1_764_000_000_000 + i * 60_000,
    reactions: [{ emoji: '👍', count: i % 4 }],
    edited: i % 3 === 0,
  })),
};

const binary: Value = {
  _id: id(),
  _creationTime: 1_764_000_000_001.25,
  counters: { views: 9_007_199_254_740_993n, likes: 42n, shares: -7n, balance: -(2n ** 62n) },
  history: Array.from({ length: 16 }, (_, i) => BigInt(i) * 1_000_000_007n),
  checksum: Uint8Array.from({ length: 32 }, (_, i) => (i * 37) & 0xff).buffer,
  thumbnail: Uint8Array.from({ length: 512 }, (_, i) => (i * 13) & 0xff).buffer,
  ratio: Number.NaN,
  note: 'binary payloads and 64-bit integers',
};

let sink = 0;

/** Operations per second of `run`, over `ms` milliseconds. */
function opsPerSecond(run: () => unknown, ms: number): number {
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < BATCH; i++) {
      const result = run();
      if (result === sink) sink++;
    }
    operations += BATCH;
    elapsed = performance.now() - start;
  }
  return (operations / elapsed) * 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median ops/s of each function, measured in alternating rounds. */
function measure(runs: readonly (() => unknown)[]): number[] {
  for (const run of runs) opsPerSecond(run, WARM_UP_MS);
  const rounds = runs.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    runs.forEach((run, index) => rounds[index]!.push(opsPerSecond(run, ROUND_MS)));
  }
  return rounds.map(median);
}

const format = (value: number): string => Math.round(value).toLocaleString('en-US');
const rows: string[][] = [];

for (const [name, doc] of [
  ['small', small],
  ['medium', medium],
  ['bigint + bytes', binary],
] as const) {
  const plain = convexToJson(doc);
  const text = JSON.stringify(plain);
  const label = `${name} (${text.length} B)`;

  const [ourEncode, rawEncode] = measure([
    () => JSON.stringify(convexToJson(doc)),
    () => JSON.stringify(plain),
  ]);
  rows.push([
    label,
    'encode: convexToJson + stringify',
    format(ourEncode!),
    format(rawEncode!),
    (ourEncode! / rawEncode!).toFixed(2),
  ]);

  const [ourDecode, rawDecode] = measure([
    () => jsonToConvex(JSON.parse(text) as JSONValue),
    () => JSON.parse(text),
  ]);
  rows.push([
    label,
    'decode: parse + jsonToConvex',
    format(ourDecode!),
    format(rawDecode!),
    (ourDecode! / rawDecode!).toFixed(2),
  ]);

  const [sortKey, size] = measure([() => encodeSortKey(doc), () => getConvexSize(doc)]);
  rows.push([
    label,
    'encodeSortKey (vs raw stringify)',
    format(sortKey!),
    format(rawEncode!),
    (sortKey! / rawEncode!).toFixed(2),
  ]);
  rows.push([
    label,
    'getConvexSize (vs raw stringify)',
    format(size!),
    format(rawEncode!),
    (size! / rawEncode!).toFixed(2),
  ]);
}

const header = ['document', 'operation', 'ours ops/s', 'raw ops/s', 'ours / raw'];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]!.length)),
);
const line = (cells: readonly string[]): string =>
  `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
console.log(
  `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; median of ${ROUNDS} rounds of ${ROUND_MS} ms`,
);
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(row));
if (sink === -1) console.log(sink);

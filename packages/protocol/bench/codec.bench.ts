// How much the protocol codec adds on top of raw JSON, on the hot paths: the server encoding
// Transitions and parsing Mutation frames, the client parsing Transitions. Each figure is a
// ratio to a raw baseline measured in the same run (shared/PERFORMANCE.md).
import {
  encodeServerMessage,
  encodeStateModification,
  encodeTransitionFromParts,
  makeTimestamp,
  parseClientMessage,
  parseServerMessage,
  type TransitionMessage,
} from '@selfhost/protocol';

function time(label: string, iterations: number, run: () => unknown): number {
  for (let i = 0; i < Math.min(iterations, 200); i++) run();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) run();
  const perOp = ((performance.now() - start) * 1000) / iterations;
  console.log(`${label.padEnd(52)} ${perOp.toFixed(2).padStart(10)} µs/op`);
  return perOp;
}

function ratio(label: string, ours: number, raw: number): void {
  console.log(`${label.padEnd(52)} ${(ours / raw).toFixed(2).padStart(10)} × raw`);
}

const docs = Array.from({ length: 200 }, (_, i) => ({
  _id: `j57${i}`,
  _creationTime: 1724300000010.5 + i,
  body: `message ${i}`,
  tags: ['a', 'b'],
}));
const transition: TransitionMessage = {
  type: 'Transition',
  startVersion: { querySet: 1, identity: 0, ts: makeTimestamp(1_724_300_000_004_000_000n) },
  endVersion: { querySet: 1, identity: 0, ts: makeTimestamp(1_724_300_000_010_000_000n) },
  modifications: [{ type: 'QueryUpdated', queryId: 0, value: docs, logLines: [], journal: null }],
  clientClockSkew: -3,
  serverTs: 1724300000004000000,
};
const wireTransition = encodeServerMessage(transition);
const wireObject: unknown = JSON.parse(wireTransition);
console.log(`Transition of ${docs.length} documents: ${wireTransition.length} bytes`);

const rawEncode = time('raw JSON.stringify(wire Transition)', 2000, () =>
  JSON.stringify(wireObject),
);
const encode = time('encodeServerMessage(Transition)', 2000, () => encodeServerMessage(transition));
const shared = encodeStateModification(transition.modifications[0]!);
const encodeParts = time('encodeTransitionFromParts (result encoded once)', 200_000, () =>
  encodeTransitionFromParts({ ...transition, modifications: [shared] }),
);
ratio('encodeServerMessage', encode, rawEncode);
ratio('encodeTransitionFromParts per extra subscriber', encodeParts, rawEncode);

const rawParse = time('raw JSON.parse(Transition)', 2000, () => JSON.parse(wireTransition));
const parse = time('parseServerMessage(Transition)', 2000, () =>
  parseServerMessage(wireTransition),
);
ratio('parseServerMessage', parse, rawParse);

const mutation =
  '{"type":"Mutation","requestId":12,"udfPath":"messages:send","args":[{"body":"hello","channel":"general"}]}';
const rawMutation = time('raw JSON.parse(Mutation)', 200_000, () => JSON.parse(mutation));
const parsedMutation = time('parseClientMessage(Mutation)', 200_000, () =>
  parseClientMessage(mutation),
);
ratio('parseClientMessage(Mutation)', parsedMutation, rawMutation);

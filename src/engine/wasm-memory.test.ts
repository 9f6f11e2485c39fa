import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ownMemoryProblem } from './wasm-memory.ts';

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const mod = (...sections: number[][]): Uint8Array => new Uint8Array([...HEADER, ...sections.flat()]);
/** A memory section (id 5) with one memory of the given limits bytes. */
const memory = (...limits: number[]): number[] => [5, limits.length + 1, 1, ...limits];
const custom = [0, 3, 1, 0x61, 0xff];

const check = suite('ownMemoryProblem');

check('accepts a module that imports its memory (as opa build writes them) or declares a bounded one', () => {
  assert.is(ownMemoryProblem(mod(custom), 2048), null);
  assert.is(ownMemoryProblem(mod(memory(0x01, 1, 0x80, 0x10)), 2048), null); // max 2048 pages
});

check('refuses a memory of its own with no maximum, or a maximum over the limit', () => {
  assert.match(ownMemoryProblem(mod(memory(0x00, 1)), 2048) ?? '', 'no maximum');
  assert.match(ownMemoryProblem(mod(custom, memory(0x01, 1, 0x80, 0x80, 0x04)), 2048) ?? '', 'up to 65536 pages');
});

check('refuses shared and 64-bit memories, and bytes that are not a module', () => {
  assert.match(ownMemoryProblem(mod(memory(0x03, 1, 2)), 2048) ?? '', 'limits flags 3');
  assert.match(ownMemoryProblem(mod(memory(0x04, 1)), 2048) ?? '', 'limits flags 4');
  assert.is(ownMemoryProblem(new Uint8Array([1, 2, 3]), 2048), 'not a WebAssembly module');
  assert.is(ownMemoryProblem(mod([5, 9, 1]), 2048), 'a section runs past the end of the module');
});

check.run();

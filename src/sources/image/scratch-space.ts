/**
 * The bytes registry layers take in scratch folders (registry.ts: without a shared layer cache each layer
 * is copied whole under TMPDIR for the length of one image's analysis), counted for the whole process.
 * The disk's free space is no bound: in a Kubernetes pod TMPDIR is an emptyDir whose sizeLimit the
 * filesystem does not show (statfs reports the node's disk), and passing it gets the pod evicted. So every
 * copy is charged against RSYNCGUARD_MAX_SCRATCH_BYTES (limits.ts), all analyses together.
 *
 * Analysis threads share the count through a SharedArrayBuffer the pool makes (scratchAccount) and hands to
 * each thread with a slot of its own (useScratchAccount); the bytes in use are the sum of the slots. A
 * thread stopped mid-analysis never frees its bytes nor removes its folders, so the pool does it when the
 * thread has exited (clearScratchSlot). A process without a pool (the CLI) counts in a private account.
 */
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvironmentFailure } from './registry-failure.ts';
import { limitVariable, mib } from './limits.ts';

let account = new BigInt64Array(new SharedArrayBuffer(8));
let slot = 0;

/** A shared account of `slots` slots, for a pool to hand its threads. */
export function scratchAccount(slots: number): SharedArrayBuffer {
  return new SharedArrayBuffer(8 * Math.max(1, slots));
}

/** This thread charges its scratch bytes to `slot` of the shared `buffer` (a pool thread, at start). */
export function useScratchAccount(buffer: SharedArrayBuffer, at: number): void {
  account = new BigInt64Array(buffer);
  slot = at;
}

/** Where a scratch folder of this thread starts its name: the pool removes what an ended thread left. */
export function scratchPrefix(at = slot): string {
  return `rsyncguard-layers-${process.pid}-${at}-`;
}

/** Bytes in use by every thread sharing `buffer`. */
export function scratchInUse(a: BigInt64Array = account): number {
  let total = 0n;
  for (let i = 0; i < a.length; i++) total += Atomics.load(a, i);
  return Number(total);
}

/** After the thread charging `at` has exited: its bytes are freed and its folders removed. */
export function clearScratchSlot(buffer: SharedArrayBuffer, at: number): void {
  Atomics.store(new BigInt64Array(buffer), at, 0n);
  const prefix = scratchPrefix(at);
  try {
    for (const name of readdirSync(tmpdir())) if (name.startsWith(prefix)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  } catch {
    // TMPDIR unreadable: nothing this thread could have written there either.
  }
}

/**
 * One image's scratch bytes, charged to this thread's slot and freed at release. Over the cap by itself
 * the image is too costly (its own layers, the same every time: the message names the variable, which
 * costLimitExceeded recognises); over it only with what other analyses hold is the environment's, a retry.
 */
export class ScratchLease {
  private own = 0;
  /** The account and slot when the lease was made: the bytes are freed where they were charged. */
  private readonly account = account;
  private readonly slot = slot;

  constructor(private readonly cap: number) {}

  /** Before a layer is fetched: its declared size must fit. */
  check(digest: string, size: number): void {
    this.fits(digest, size, this.own + size);
  }

  /** Bytes written to the folder (a layer's size may be absent or wrong: what streams is what counts). */
  take(digest: string, bytes: number): void {
    Atomics.add(this.account, this.slot, BigInt(bytes));
    this.own += bytes;
    this.fits(digest, 0, this.own);
  }

  release(): void {
    Atomics.sub(this.account, this.slot, BigInt(this.own));
    this.own = 0;
  }

  private fits(digest: string, more: number, mine: number): void {
    const v = limitVariable('scratchBytes');
    if (mine > this.cap) throw new Error(`blob ${digest}: the image's layers need more than ${mib(this.cap)} of scratch space under the temporary folder (${v})`);
    const all = scratchInUse(this.account) + more;
    if (all > this.cap) throw new EnvironmentFailure(`blob ${digest}: with this layer the analyses in progress would hold ${mib(all)} of scratch space, more than the ${mib(this.cap)} ${v} allows in all; retry later`);
  }
}

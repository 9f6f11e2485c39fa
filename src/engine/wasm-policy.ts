/**
 * One instance of a compiled policy, evaluated through OPA's one-call ABI (1.2: `opa_eval`) directly. The
 * SDK (opa-wasm) still loads the module and runs the builtins the module hands back to the host; what it
 * costs per call — JSON.stringify of the input, a fresh TextEncoder, a byte-by-byte scan for the result's
 * end, a fresh TextDecoder — is skipped: the input arrives serialized once, is written into WASM memory with
 * one copy, and the result is found with one memchr (Buffer.indexOf) and decoded once.
 *
 * The heap is reset on every call (opa_eval takes the heap pointer to start from), so one instance serves any
 * number of documents. Its size is set by the input: OPA's allocator learns the memory's size once, when the
 * instance starts, and past that grows it one page per allocation, each grow costing more as the memory gets
 * larger (a 2,500-module config: 7 s of CPU page by page, 0.7 s in memory sized up front). So an input that
 * may need more than the instance started with gets a fresh instance of the size it may need (HEAP_PER_BYTE);
 * pages it does not touch cost address space only. An instance grown past RESET_BYTES is dropped after the
 * call, so one huge config does not keep its heap for the rest of a scan, and so is one that trapped (its
 * state is then unknown).
 */
import * as sdk from '@open-policy-agent/opa-wasm';
import type { LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { isObject } from '../common/index.ts';
import { HOST_BUILTINS } from './builtins.ts';

// The package's ESM entry names only loadPolicy (async); the synchronous loader, which a renewal in the middle
// of a synchronous evaluate needs, is on its default export, the CommonJS module.
const { loadPolicySync } = (sdk as unknown as { default: Pick<typeof sdk, 'loadPolicySync'> }).default;

/** Memory limits in 64 KiB pages. */
export interface MemoryPages {
  initial: number;
  maximum: number;
}

/** A memory grown past this is dropped after the call: one huge config must not keep its heap for the rest of a scan. */
const RESET_BYTES = 64 * 2 ** 20;
const PAGE = 65536;
/**
 * Heap bytes an evaluation may use per byte of input: measured 8–19 (the heap pointer after the call) on the
 * shared corpus and generated configs of 1 to 1,000 modules; the largest inputs use the least.
 */
const HEAP_PER_BYTE = 20;
/** The module's own data and stack, below the heap. */
const BASE_PAGES = 16;

type OpaEval = (reserved: number, entrypoint: number, data: number, input: number, inputLen: number, heap: number, format: number) => number;

export class WasmPolicy {
  private policy: LoadedPolicy;
  /** null: a module before ABI 1.2, evaluated through the SDK. */
  private opaEval: OpaEval | null;
  private entrypointId: number;
  private view: Buffer;
  /** The memory's size (pages) when the current instance started: what its allocator uses before growing page by page. */
  private heapPages: number;
  private fresh = false;

  private constructor(
    private readonly module: WebAssembly.Module,
    private readonly pages: MemoryPages,
    private readonly data: unknown,
    private readonly entrypoint: string,
    private readonly viaSdk: boolean,
  ) {
    this.heapPages = pages.initial;
    this.policy = this.instantiate(pages.initial);
    this.opaEval = this.directEval();
    this.entrypointId = this.entrypointIdOf();
    this.view = Buffer.from(this.policy.mem.buffer);
  }

  /**
   * Instantiates `module` with `data` as the data document. Throws what the SDK or the module throws (a string,
   * an object, an Error) — PolicyEngine.load turns it into an error value.
   */
  static load(module: WebAssembly.Module, pages: MemoryPages, data: unknown, entrypoint: string, viaSdk = false): WasmPolicy {
    return new WasmPolicy(module, pages, data, entrypoint, viaSdk);
  }

  /** The SDK's view of the current instance: entrypoints, exports (PolicyEngine checks them at load). */
  get loaded(): LoadedPolicy {
    return this.policy;
  }

  /** Whether the entrypoint named at load exists in the module. */
  get hasEntrypoint(): boolean {
    return this.entrypointId >= 0;
  }

  /**
   * The entrypoint's result set for one input (JSON text, or its UTF-8 bytes). Throws what the module throws
   * (opa_abort: a string) or a RangeError when memory cannot grow; the instance is replaced before the next call.
   */
  evaluate(input: string | Uint8Array): unknown {
    const pages = Math.min(this.pages.maximum, Math.max(this.pages.initial, BASE_PAGES + Math.ceil((input.length * HEAP_PER_BYTE) / PAGE)));
    try {
      if (this.fresh || pages > this.heapPages) this.renew(pages);
      const result = this.opaEval === null ? this.throughSdk(input) : this.direct(this.opaEval, input);
      if (this.policy.mem.buffer.byteLength > RESET_BYTES) this.release();
      return result;
    } catch (e) {
      this.release();
      throw e;
    }
  }

  /**
   * Replaces a grown (or trapped) instance now, not at the next call: an idle policy thread must not sit on up to
   * 1 GiB of memory while another evaluates the next large config (policy-pool.ts evaluates those one at a time).
   */
  private release(): void {
    this.fresh = true;
    try {
      this.renew(this.pages.initial);
    } catch {
      // Memory refused even for a small instance: the next call tries again (fresh).
    }
  }

  private direct(opaEval: OpaEval, input: string | Uint8Array): unknown {
    const at = this.policy.dataHeapPtr as number;
    let len: number;
    if (typeof input === 'string') {
      // UTF-8 takes at most 3 bytes per UTF-16 unit; the exact length is only worth computing when that bound would grow memory.
      this.reserve(at + (at + input.length * 3 <= this.view.length ? input.length * 3 : Buffer.byteLength(input)));
      len = this.view.write(input, at, 'utf8');
    } else {
      len = input.length;
      this.reserve(at + len);
      this.view.set(input, at);
    }
    const result = opaEval(0, this.entrypointId, this.policy.dataAddr, at, len, at + len, 0);
    // The module may have grown its memory while evaluating: the old view is then detached.
    const mem = this.current();
    const end = mem.indexOf(0, result);
    return JSON.parse(mem.toString('utf8', result, end < 0 ? mem.length : end));
  }

  private throughSdk(input: string | Uint8Array): unknown {
    // The SDK takes serialized input only as a whole ArrayBuffer (not Buffer.from: small Buffers share one pool).
    const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : new Uint8Array(bytes).buffer;
    return this.policy.evaluate(whole, this.entrypoint);
  }

  private reserve(end: number): void {
    const buffer = this.policy.mem.buffer;
    if (end > buffer.byteLength) this.policy.mem.grow(Math.ceil((end - buffer.byteLength) / PAGE));
    this.current();
  }

  private current(): Buffer {
    if (this.view.buffer !== this.policy.mem.buffer) this.view = Buffer.from(this.policy.mem.buffer);
    return this.view;
  }

  private renew(pages: number): void {
    // heapPages only once the instance exists: an instance that could not be made is tried again next call.
    this.policy = this.instantiate(pages);
    this.heapPages = pages;
    this.opaEval = this.directEval();
    this.entrypointId = this.entrypointIdOf();
    this.view = Buffer.from(this.policy.mem.buffer);
    this.fresh = false;
  }

  private instantiate(initial: number): LoadedPolicy {
    // loadPolicySync with a compiled module: no compilation, only instantiation (and the start function).
    const policy = loadPolicySync(this.module, { initial, maximum: this.pages.maximum }, HOST_BUILTINS);
    // A WASM build carries no data documents: what the rules read from data is loaded here.
    policy.setData(this.data as object);
    return policy;
  }

  private directEval(): OpaEval | null {
    const exports = exportsOf(this.policy);
    const f = exports['opa_eval'];
    return !this.viaSdk && typeof f === 'function' && typeof this.policy.minorVersion === 'number' && this.policy.minorVersion >= 2 ? (f as OpaEval) : null;
  }

  private entrypointIdOf(): number {
    const entrypoints: unknown = this.policy.entrypoints;
    const id = isObject(entrypoints) ? entrypoints[this.entrypoint] : undefined;
    return typeof id === 'number' ? id : -1;
  }
}

export function exportsOf(policy: LoadedPolicy): WebAssembly.Exports {
  const instance = policy.wasmInstance;
  return 'exports' in instance ? instance.exports : instance.instance.exports;
}

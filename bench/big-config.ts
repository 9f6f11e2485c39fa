/**
 * One config with many modules (issue 20): seconds per evaluation of one facts document through the engine,
 * from 100 to 5,000 modules, and how far the cost per module drifts from the 100-module one (linear = 1×).
 * A size the engine cannot evaluate (the WASM heap exhausted: `opa_malloc: failed`) is a row, not a crash.
 */
import { NO_INCLUDES } from '../src/common/index.ts';
import { builtinPolicy, PolicyEngine } from '../src/engine/index.ts';
import { buildFacts } from '../src/facts/index.ts';
import { parseRsyncdConf } from '../src/parse/index.ts';
import { configWithModules } from './engine.ts';
import { fmt, repeat, type Row } from './stats.ts';

const SIZES = [100, 500, 1000, 2000, 5000];
/** The goal for 5,000 modules, and how far the per-module cost may drift before the curve is not called linear. */
const GOAL_SECONDS = 10;
const LINEAR_SLACK = 2;

export async function benchBigConfig(rows: Row[]): Promise<void> {
  const source = builtinPolicy();
  if (!source.ok) throw source.error;
  let perModuleAt100: number | null = null;
  for (const n of SIZES) {
    // A fresh instance per size: after a failed opa_malloc the module's heap is in no state to reuse.
    const loaded = await PolicyEngine.load(source.value);
    if (!loaded.ok) throw loaded.error;
    const engine = loaded.value;
    const id = `big-${n}.conf`;
    const doc = buildFacts({ target: { kind: 'file', id, display: id }, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: '2026-11-25', config: parseRsyncdConf(id, Buffer.from(configWithModules(n)), NO_INCLUDES) });
    let error: string | null = null;
    let findings = 0;
    // Small sizes: one warm-up evaluation, then several timed (a noisy 100-module figure would skew every ratio).
    // Large sizes take seconds each: one evaluation, so the whole curve stays within about a minute today.
    if (n <= 1000) engine.evaluate(doc);
    const m = await repeat(n <= 100 ? 5 : n <= 1000 ? 3 : 1, () => {
      if (error !== null) return Number.NaN;
      const t = performance.now();
      const r = engine.evaluate(doc);
      const seconds = (performance.now() - t) / 1000;
      if (!r.ok) error = r.error.message;
      else findings = r.value.length;
      return seconds;
    });
    const last = n === SIZES[SIZES.length - 1];
    if (error !== null) {
      rows.push({ benchmark: `one config, ${n} modules: seconds per evaluation`, figure: 'failed', goal: last ? `≤ ${GOAL_SECONDS} s` : '', met: last ? false : null, note: (error as string).slice(0, 160) });
      continue;
    }
    const perModule = m.median / n;
    perModuleAt100 ??= perModule;
    const drift = perModule / perModuleAt100;
    rows.push({
      benchmark: `one config, ${n} modules: seconds per evaluation`,
      figure: `${fmt(m, n <= 500 ? 3 : 2, ' s')}; ${(perModule * 1e3).toFixed(2)} ms per module = ${drift.toFixed(2)}× the 100-module cost per module`,
      goal: last ? `≤ ${GOAL_SECONDS} s, ≤ ${LINEAR_SLACK}× per module` : n === 100 ? '' : `≤ ${LINEAR_SLACK}× per module`,
      met: n === 100 ? null : last ? m.median <= GOAL_SECONDS && drift <= LINEAR_SLACK : drift <= LINEAR_SLACK,
      note: `${findings} findings`,
    });
  }
}

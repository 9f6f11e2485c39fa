import { spawnSync } from 'node:child_process';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { iniValue } from './inventory-literal.ts';

const lit = suite('INI values as Ansible keeps them (Python literal_eval, else the text)');

/** Values an INI inventory holds, odd ones included; each is checked against Python's own literal_eval. */
const VALUES = [
  '22',
  '07',
  '00',
  '0',
  '-5',
  '+5',
  '1_000',
  '0x1F',
  '0o17',
  '0b101',
  '1e3',
  '1.5',
  '.5',
  '1.',
  '-0.25',
  'True',
  'False',
  'None',
  'true',
  'yes',
  'no',
  'on',
  '"deploy"',
  "'deploy'",
  '"a" "b"',
  '"deploy" # who',
  "'it''s'",
  '"tab\\there"',
  '"\\x41\\u00e9\\101"',
  '"\\q"',
  'r"\\n"',
  '"""triple"""',
  "[1, 'two', [3]]",
  '(1, 2)',
  '{"k": (1, 2), "n": None}',
  '{1: "a"}',
  '[]',
  '{}',
  '()',
  '-o StrictHostKeyChecking=no -o ConnectTimeout=5',
  '-o ProxyCommand="ssh -W %h:%p bastion"',
  'a b',
  '"unterminated',
  "x'",
  '1 2',
  '{{ inventory_hostname }}',
  '/keys/id_ed25519',
  '~/.ssh/id_rsa',
  'hunter2#x',
  '',
  ' ',
  '[1, 2',
  '{1, 2}',
  'b"bytes"',
  'f"{x}"',
  '1j',
  '0x',
  '1__0',
];

lit('every value reads as Python 3 reads it', () => {
  const py = spawnSync(
    'python3',
    [
      '-c',
      `import ast, json, sys, warnings
out = []
for v in json.load(sys.stdin):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = ast.literal_eval(v)
        if isinstance(r, tuple): r = list(r)
        if isinstance(r, (set, bytes, complex)): raise ValueError
        out.append(json.loads(json.dumps(r, default=lambda o: list(o) if isinstance(o, tuple) else str(o))))
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        out.append({"__text__": v})
print(json.dumps(out))`,
    ],
    { input: JSON.stringify(VALUES), encoding: 'utf8' },
  );
  assert.is(py.status, 0, py.stderr);
  const expected = (JSON.parse(py.stdout) as unknown[]).map((e, i) => (typeof e === 'object' && e !== null && '__text__' in e ? VALUES[i] : e));
  // Sets, bytes and complex numbers are literals to Python but not values an inventory can hold: kept as text.
  const ours = VALUES.map((v) => {
    const r = iniValue(v);
    return JSON.parse(JSON.stringify(r === undefined ? null : r)) as unknown;
  });
  for (const [i, v] of VALUES.entries()) assert.equal(ours[i], expected[i], v);
});

lit.run();

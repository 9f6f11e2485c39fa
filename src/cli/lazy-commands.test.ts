import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { COMMANDS } from './commands.ts';
import { commandLoader, LAZY_COMMAND_NAMES } from './lazy-commands.ts';

// main.ts runs a command through its loader, help and mistakes read COMMANDS: a command missing from
// either would run but have no help, or have help but be "unknown".
test('the loaders and the command table name the same commands, in the same order', () => {
  assert.equal(
    LAZY_COMMAND_NAMES,
    COMMANDS.map((c) => c.name),
  );
});

test('each loader gives the very command the table holds', async () => {
  for (const c of COMMANDS) {
    const load = commandLoader(c.name);
    assert.ok(load !== undefined, c.name);
    assert.is(await load(), c, c.name);
  }
});

test('a name that is no command, or an inherited property, has no loader', () => {
  for (const name of ['scann', 'toString', '__proto__', 'constructor', '']) assert.is(commandLoader(name), undefined, name);
});

test.run();

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { expandWord, shellCommands } from './shell-words.ts';

const words = suite('shellCommands');

words('splits at operators, removes quotes, keeps ${…} and $(…) whole', () => {
  assert.equal(shellCommands(`a "b c" 'd' && e --x=\${Y:-/p q}; f $(g h) # not this`), [
    ['a', 'b c', 'd'],
    ['e', '--x=${Y:-/p q}'],
    ['f', '$(g h)'],
  ]);
});

const expand = suite('expandWord');

expand('resolves variables from the image Env, with defaults', () => {
  const env = new Map([
    ['CONF', '/srv/x.cfg'],
    ['EMPTY', ''],
  ]);
  assert.is(expandWord('--config=$CONF', env), '--config=/srv/x.cfg');
  assert.is(expandWord('${CONF}', env), '/srv/x.cfg');
  assert.is(expandWord('${NOPE:-/etc/d.conf}', env), '/etc/d.conf');
  assert.is(expandWord('${EMPTY:-/etc/d.conf}', env), '/etc/d.conf');
  assert.is(expandWord('${EMPTY-/etc/d.conf}', env), '');
});

expand('is null when only run time knows', () => {
  assert.is(expandWord('$NOPE', new Map()), null);
  assert.is(expandWord('$(cat /x)', new Map()), null);
});

words.run();
expand.run();

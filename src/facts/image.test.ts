import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { imageDaemonUser } from './image.ts';

const user = suite('imageDaemonUser');

user('a container runs as root unless the user part of User names another account', () => {
  assert.is(imageDaemonUser(null), 'root');
  assert.is(imageDaemonUser('root'), 'root');
  assert.is(imageDaemonUser('0'), 'root');
  assert.is(imageDaemonUser('0:0'), 'root');
  assert.is(imageDaemonUser('root:rsync'), 'root');
  assert.is(imageDaemonUser('rsync'), 'nonroot');
  assert.is(imageDaemonUser('1000:1000'), 'nonroot');
  assert.is(imageDaemonUser('rooty'), 'nonroot');
  // The context and image.runs_as_root come from one function: an empty user part keeps uid 0.
  assert.is(imageDaemonUser(':1000'), 'root');
  assert.is(imageDaemonUser(''), 'root');
  assert.is(imageDaemonUser('1000:0'), 'nonroot');
});

user.run();

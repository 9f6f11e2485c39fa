import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { type DockerfileImage, readDockerfile as read0 } from './dockerfile.ts';

const none = () => null;
/** Every Dockerfile here is within the limits: null would be a failure. */
const readDockerfile = (text: string, readScript: (p: string) => string | null): DockerfileImage => {
  const r = read0(text, readScript);
  if (r === null) throw new Error('readDockerfile gave up');
  return r;
};
const read = suite('readDockerfile');

read('reads the final stage only: an earlier stage’s USER and EXPOSE do not carry over', () => {
  const r = readDockerfile('FROM golang AS build\nUSER builder\nEXPOSE 9000\nFROM debian:12\nEXPOSE 873\nCMD ["rsync", "--daemon", "--no-detach"]\n', none);
  assert.equal(r.config.exposed, ['873/tcp']);
  assert.is(r.config.user, null);
  assert.ok(r.startsDaemon);
  assert.equal(r.lines, { user: null, expose: 5, command: 6, env: [] });
});

read('joins continuation lines and reads the shell form through /bin/sh -c', () => {
  const r = readDockerfile('FROM alpine\nUSER rsync\nCMD rsync \\\n  --daemon \\\n  --no-detach\n', none);
  assert.equal(r.config.cmd, ['/bin/sh', '-c', 'rsync --daemon --no-detach']);
  assert.is(r.config.user, 'rsync');
  assert.ok(r.startsDaemon);
});

read('a HEALTHCHECK’s CMD is not the image’s command', () => {
  const r = readDockerfile('FROM alpine\nHEALTHCHECK --interval=30s \\\n  CMD rsync --daemon\nCMD ["sleep", "infinity"]\n', none);
  assert.not.ok(r.startsDaemon);
  assert.equal(r.config.cmd, ['sleep', 'infinity']);
});

read('follows an entrypoint script the Dockerfile copies from the build context', () => {
  const seen: string[] = [];
  const script = (p: string) => {
    seen.push(p);
    return p === 'entrypoint.sh' ? '#!/bin/sh\nset -e\nexec rsync --daemon --no-detach "$@"\n' : null;
  };
  const r = readDockerfile('FROM alpine\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\n', script);
  assert.ok(r.startsDaemon);
  assert.equal(seen, ['entrypoint.sh']);
  assert.not.ok(readDockerfile('FROM alpine\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\n', none).startsDaemon);
});

read('withholds credential values from ENV, in both ENV forms', () => {
  const r = readDockerfile('FROM alpine\nENV RSYNC_PASSWORD=Correct-Horse-Battery-9 MODE="ro"\nENV API_TOKEN s3cr3t-value\n', none);
  assert.equal(r.config.env, [
    { name: 'RSYNC_PASSWORD', value: null },
    { name: 'MODE', value: 'ro' },
    { name: 'API_TOKEN', value: null },
  ]);
  assert.equal(r.lines.env, [2, 2, 3]);
  assert.not.match(JSON.stringify(r), 'Correct-Horse');
  assert.not.match(JSON.stringify(r), 's3cr3t');
});

read('keeps a protocol given with EXPOSE, and defaults to tcp', () => {
  assert.equal(readDockerfile('FROM x\nEXPOSE 873/udp 8080\n', none).config.exposed, ['8080/tcp', '873/udp']);
});

const stages = suite('readDockerfile: stages, variables, here-documents');

stages('a stage built FROM an earlier stage keeps its ENV, EXPOSE and USER', () => {
  const a = readDockerfile('FROM alpine AS base\nRUN apk add rsync\nENV RSYNC_PASSWORD=Secret123x\nEXPOSE 873\nUSER root\nFROM base\nCMD ["rsync","--daemon","--no-detach"]\n', none);
  assert.equal(a.config.exposed, ['873/tcp']);
  assert.is(a.config.env.length, 1);
  assert.equal(a.lines, { user: 5, expose: 4, command: 7, env: [3] });
  const b = readDockerfile('FROM alpine AS base\nRUN apk add rsync && adduser -D rsyncd\nUSER rsyncd\nFROM base\nEXPOSE 8730\nCMD ["rsync","--daemon","--no-detach","--port=8730"]\n', none);
  assert.is(b.config.user, 'rsyncd');
  assert.is(b.lines.expose, 5);
  // FROM an image of the same name as no stage: nothing carries over.
  assert.is(readDockerfile('FROM alpine AS base\nUSER rsyncd\nFROM debian\nCMD ["rsync","--daemon"]\n', none).config.user, null);
});

stages('expands ARG defaults and ENV values in EXPOSE, USER and ENV; keeps an unknown variable as written', () => {
  const d = readDockerfile('FROM alpine\nARG RSYNC_PORT=873\nEXPOSE ${RSYNC_PORT}\nCMD ["rsync","--daemon","--no-detach"]\n', none);
  assert.equal(d.config.exposed, ['873/tcp']);
  assert.is(d.lines.expose, 3);
  assert.is(readDockerfile('FROM alpine\nARG RUN_AS=root\nUSER ${RUN_AS}\n', none).config.user, 'root');
  assert.is(readDockerfile('ARG RUN_AS=nobody\nFROM alpine\nARG RUN_AS\nUSER $RUN_AS\n', none).config.user, 'nobody');
  assert.is(readDockerfile('FROM alpine\nARG RUN_AS\nUSER ${RUN_AS}\n', none).config.user, '${RUN_AS}');
  assert.is(readDockerfile('FROM alpine\nUSER ${RUN_AS:-rsync}\n', none).config.user, 'rsync');
});

stages('reads a script COPYed from a here-document, and never takes its lines for instructions', () => {
  const e = readDockerfile('FROM alpine\nRUN apk add rsync\nCOPY <<EOF /entrypoint.sh\n#!/bin/sh\nUSER=nobody\nexec rsync --daemon --no-detach\nEOF\nRUN chmod +x /entrypoint.sh\nCMD ["/entrypoint.sh"]\n', none);
  assert.ok(e.startsDaemon);
  assert.is(e.config.user, null);
  assert.is(e.lines.command, 9);
});

const hostile = suite('readDockerfile: hostile variables');

hostile('stops substitution at a length cap: ENV A=$A$A doubling never builds a huge string, the value past the cap stays as written', () => {
  const text = `FROM debian\nENV A=0123456789abcdef\n${'ENV A=$A$A\n'.repeat(40)}ENV B=${'$A'.repeat(5000)}\nCMD ["rsync","--daemon","--no-detach"]\n`;
  const r = readDockerfile(text, none);
  assert.ok(r.startsDaemon);
  for (const e of r.config.env) assert.ok((e.value ?? '').length <= 10_000, `${e.name} is ${(e.value ?? '').length} characters`);
  assert.is(r.config.env.at(-1)?.value, '$A'.repeat(5000));
});

hostile('a credential-like variable is withheld wherever its value is substituted, under any name', () => {
  const text = [
    'FROM debian',
    'ARG DEPLOY_TOKEN=ghp_Z9xY8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8c',
    'ENV RSYNC_PASSWORD=Hunter2Secret',
    'ENV MIRROR_SOURCE=rsync://mirror:${RSYNC_PASSWORD}@upstream.example.org/debian',
    'ENV SYNC_ARGS="-av --chmod=D755 ${RSYNC_PASSWORD}"',
    'ENV NOTE=${DEPLOY_TOKEN}',
    'ENV AGAIN=$NOTE',
    'ARG RUN_AS_SECRET=root',
    'USER ${RUN_AS_SECRET}',
    'EXPOSE ${DEPLOY_TOKEN:-873}',
    'CMD ["rsync","--daemon","--no-detach"]',
  ].join('\n');
  const r = readDockerfile(text, none);
  const all = JSON.stringify(r);
  assert.not.match(all, 'Hunter2Secret');
  assert.not.match(all, 'ghp_Z9xY8');
  assert.is(r.config.env.find((e) => e.name === 'SYNC_ARGS')?.value, '-av --chmod=D755 ********');
  assert.is(r.config.env.find((e) => e.name === 'AGAIN')?.value, '********');
  // A USER or port taken from a credential is unknown, kept as written: never the secret, never a made-up '********' account.
  assert.is(r.config.user, '${RUN_AS_SECRET}');
  assert.equal(r.config.exposed, ['${DEPLOY_TOKEN:-873}/tcp']);
});

stages('opens a here-document only for a word that starts with << in RUN, COPY or ADD, never inside quotes or another instruction', () => {
  const quoted = readDockerfile('FROM debian:bookworm\nRUN apt-get update && apt-get install -y rsync && echo \'see <<EOF in docs\' > /README\nCOPY rsyncd.conf /etc/rsyncd.conf\nEXPOSE 873\nCMD ["rsync", "--daemon", "--no-detach"]\n', none);
  assert.ok(quoted.startsDaemon);
  assert.equal(quoted.lines, { user: null, expose: 4, command: 5, env: [] });
  const elsewhere = readDockerfile('FROM debian\nLABEL usage="cat <<EOF"\nENV NOTE=<<EOF\nRUN echo $((1<<SHIFT)) "<<EOF"\nEXPOSE 873\nCMD ["rsync","--daemon"]\n', none);
  assert.ok(elsewhere.startsDaemon);
  assert.is(elsewhere.lines.expose, 5);
  // A real one still hides its body: the CMD inside it is the script's text, not the image's command.
  const real = readDockerfile('FROM debian\nRUN 0<<-"END" sh\n\tCMD ["rsync","--daemon"]\n\tEND\nCMD ["sleep","infinity"]\n', none);
  assert.not.ok(real.startsDaemon);
  assert.is(real.lines.command, 5);
});

hostile('gives up, never guessing, when stages FROM stages would copy past the cap; a few real stages are read', () => {
  const envs = Array.from({ length: 300 }, (_, i) => `ENV V${i}=x`).join('\n');
  const chain = Array.from({ length: 20_000 }, (_, i) => `FROM s${i} AS s${i + 1}`).join('\n');
  const before = process.memoryUsage().heapUsed;
  assert.is(read0(`FROM debian AS s0\nRUN apt-get install -y rsync\n${envs}\n${chain}\nCMD ["rsync","--daemon"]\n`, none), null);
  assert.ok(process.memoryUsage().heapUsed - before < 100 * 1024 * 1024);
  const few = Array.from({ length: 20 }, (_, i) => `FROM s${i} AS s${i + 1}`).join('\n');
  assert.ok(readDockerfile(`FROM debian AS s0\n${envs}\n${few}\nCMD ["rsync","--daemon"]\n`, none).startsDaemon);
});

stages('expands ENV pairs with the values from before the instruction, as Docker does', () => {
  const r = readDockerfile('FROM alpine\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\n', none);
  assert.equal(
    r.config.env.map((e) => [e.name, e.value]),
    [
      ['abc', 'hello'],
      ['abc', 'bye'],
      ['def', 'hello'],
      ['ghi', 'bye'],
    ],
  );
});

stages('expands a default that is itself a variable: ${PORT:-${DEFAULT_PORT}}', () => {
  const r = readDockerfile('FROM alpine\nARG DEFAULT_PORT=873\nEXPOSE ${PORT:-${DEFAULT_PORT}} ${X:-a${Y:-b}c}\nENV URL=${MIRROR:-${RSYNC_PASSWORD:-none}} RSYNC_PASSWORD=Hunter2Secret\nENV AGAIN=${MIRROR:+x}${M2:-${RSYNC_PASSWORD}}\n', none);
  assert.equal(r.config.exposed, ['873/tcp', 'abc/tcp']);
  assert.equal(
    r.config.env.map((e) => [e.name, e.value]),
    [
      ['URL', 'none'],
      ['RSYNC_PASSWORD', null],
      ['AGAIN', '********'],
    ],
  );
});

read.run();
stages.run();
hostile.run();

import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compareApkVersions, compareDpkgVersions, comparePackageVersions, compareRpmVersions, type Order } from '../index.ts';

type Compare = (a: string, b: string) => Order | null;

/** Each list is strictly increasing; every pair is checked both ways. */
function ascending(compare: Compare, list: string[]): void {
  for (let i = 0; i < list.length; i++) {
    for (let j = 0; j < list.length; j++) {
      const want = i < j ? -1 : i > j ? 1 : 0;
      assert.is(compare(list[i] ?? '', list[j] ?? ''), want, `${list[i]} vs ${list[j]}`);
    }
  }
}

function equal(compare: Compare, pairs: [string, string][]): void {
  for (const [a, b] of pairs) {
    assert.is(compare(a, b), 0, `${a} == ${b}`);
    assert.is(compare(b, a), 0, `${b} == ${a}`);
  }
}

const dpkg = suite('dpkg ordering (Debian Policy §5.6.12)');

dpkg('a tilde sorts before everything, even the end of the string', () => {
  ascending(compareDpkgVersions, ['1.0~~', '1.0~~a', '1.0~', '1.0~rc1', '1.0~rc2', '1.0', '1.0a', '1.0+b1', '1.0.1']);
  ascending(compareDpkgVersions, ['3.4.0~rc1-1', '3.4.0-1']);
});

dpkg('letters sort before non-letters, and digit runs compare as numbers', () => {
  ascending(compareDpkgVersions, ['1.0a', '1.0z', '1.0+', '1.0.']);
  ascending(compareDpkgVersions, ['1.2', '1.9', '1.10', '1.100']);
  ascending(compareDpkgVersions, ['1.0a', '1.0.1']);
  equal(compareDpkgVersions, [
    ['1.01', '1.1'],
    ['1.000', '1.0'],
  ]);
});

dpkg('the epoch comes first; no epoch is epoch 0', () => {
  ascending(compareDpkgVersions, ['2.0', '1:1.0', '1:2.0', '2:0.1']);
  equal(compareDpkgVersions, [['0:3.2.7-1', '3.2.7-1']]);
});

dpkg('security updates sort between the release and the next revision', () => {
  ascending(compareDpkgVersions, ['3.2.7-1', '3.2.7-1+deb12u1', '3.2.7-1+deb12u4', '3.2.7-1+deb12u5', '3.2.7-2']);
  ascending(compareDpkgVersions, ['3.2.3-4', '3.2.3-4+deb11u1', '3.2.3-4+deb11u2', '3.2.3-4+deb11u4', '3.2.3-5']);
  ascending(compareDpkgVersions, ['3.3.0-1', '3.3.0+ds1-2', '3.3.0+ds1-3', '3.4.1+ds1-5', '3.4.1+ds1-5+deb13u1', '3.4.1+ds1-5+deb13u3', '3.5.0+ds1-0+deb13u1']);
  // Ubuntu's security suffixes follow the same rule.
  ascending(compareDpkgVersions, ['3.2.7-1ubuntu1', '3.2.7-1ubuntu1.1', '3.2.7-1ubuntu1.2', '3.2.7-1ubuntu2']);
  ascending(compareDpkgVersions, ['3.1.3-8', '3.1.3-8ubuntu0.9', '3.2.3-8ubuntu3', '3.2.3-8ubuntu3.1']);
});

dpkg('the revision is split at the last hyphen, and a missing revision equals revision 0', () => {
  // The upstream part may hold hyphens: 1.0-1-1 is upstream 1.0-1, later than upstream 1.0.
  ascending(compareDpkgVersions, ['1.0-2', '1.0-1-1', '1.0-1-2']);
  equal(compareDpkgVersions, [['1.0', '1.0-0']]);
  ascending(compareDpkgVersions, ['1.0', '1.0-1']);
});

dpkg('strings that are not Debian versions are refused, not ordered', () => {
  for (const bad of ['', 'a:1.0', '1.0-', ':1.0', '1.0 beta', '1.0-r_1', '1:', '1.0:1']) {
    assert.is(compareDpkgVersions(bad, '1.0'), null, bad);
  }
});

dpkg.run();

const rpm = suite('rpm ordering (rpmvercmp)');

rpm('tilde sorts before the end; caret after the end but before anything else', () => {
  ascending(compareRpmVersions, ['1.0~rc1', '1.0~rc2', '1.0', '1.0^', '1.0^git1', '1.0^git2', '1.0.1']);
  ascending(compareRpmVersions, ['1.0~rc1', '1.0~rc1^', '1.0~rc1^git1', '1.0']);
  ascending(compareRpmVersions, ['1.0~~', '1.0~', '1.0']);
});

rpm('a numeric segment beats an alphabetic one, and separators only separate', () => {
  ascending(compareRpmVersions, ['1.0a', '1.0.1']);
  ascending(compareRpmVersions, ['1.a', '1.1']);
  ascending(compareRpmVersions, ['2.0', '2.0a', '2.0b', '2.0.1', '2.1']);
  equal(compareRpmVersions, [
    ['1.0', '1_0'],
    ['1.0', '1..0'],
    ['1.01', '1.1'],
    ['1.0', '1.0.'],
  ]);
  ascending(compareRpmVersions, ['1.9', '1.10', '1.100']);
});

rpm('epoch, then version, then release; Red Hat backports sort by release', () => {
  ascending(compareRpmVersions, ['3.1.3-19.el8', '3.1.3-20.el8_10', '0:3.1.3-21.el8_10', '3.1.3-25.el8_10', '3.1.3-27.el8_10']);
  ascending(compareRpmVersions, ['3.2.3-20.el9', '3.2.3-20.el9_5.1', '3.2.5-3.el9', '3.2.5-7.el9_8', '3.2.5-7.el9_8.2']);
  ascending(compareRpmVersions, ['3.4.1-2.el10', '3.4.1-6.el10_2', '3.4.4-1.el10_2']);
  ascending(compareRpmVersions, ['9.0-1', '1:1.0-1', '1:1.0-2', '2:0.1-1']);
  equal(compareRpmVersions, [['0:3.4.1-1.el9', '3.4.1-1.el9']]);
});

rpm('a version without release sorts before the same version with one', () => {
  ascending(compareRpmVersions, ['3.4.1', '3.4.1-1']);
});

rpm('strings that are not EVRs are refused', () => {
  for (const bad of ['', 'x:1.0', '1.0-', '1.0 1', '1:', '1.0-1-@']) assert.is(compareRpmVersions(bad, '1.0'), null, bad);
});

rpm.run();

const apk = suite('apk ordering');

apk('pre-release suffixes sort before the plain version, post-release ones after it', () => {
  ascending(compareApkVersions, ['1.0_alpha', '1.0_alpha1', '1.0_alpha2', '1.0_beta1', '1.0_pre1', '1.0_rc1', '1.0_rc2', '1.0', '1.0_cvs1', '1.0_svn1', '1.0_git20240101', '1.0_hg1', '1.0_p1', '1.0_p2', '1.0a', '1.0.1']);
});

apk('the package revision comes last; no revision sorts before -r0', () => {
  ascending(compareApkVersions, ['3.4.1', '3.4.1-r0', '3.4.1-r1', '3.4.1-r10', '3.4.1_p1-r0', '3.4.2-r0']);
  ascending(compareApkVersions, ['3.3.0-r4', '3.3.0-r5', '3.4.0-r0', '3.4.1-r0', '3.4.3-r0', '3.5.0-r0']);
  ascending(compareApkVersions, ['1.0_rc1-r5', '1.0-r0']);
});

apk('more number parts make a greater version; a letter only follows the last part', () => {
  ascending(compareApkVersions, ['1', '1.0', '1.0a', '1.0b', '1.0.0', '1.0.1', '1.1', '1.10', '2']);
  ascending(compareApkVersions, ['1.2', '1.9', '1.10']);
});

apk('what apk-tools would order by its leading-zero or hash rules, and non-versions, are refused', () => {
  for (const bad of ['', '1.01', '1.0-r', '1.0_foo1', '1.0_', 'v1.0', '1.0~abc', '1.0-1', '1.0A']) assert.is(compareApkVersions(bad, '1.0'), null, bad);
});

apk.run();

const any = suite('comparePackageVersions');

any('dispatches on the package manager', () => {
  assert.is(comparePackageVersions('dpkg', '3.2.7-1', '3.2.7-1+deb12u1'), -1);
  assert.is(comparePackageVersions('rpm', '0:3.2.5-7.el9_8.2', '3.2.5-7.el9_8'), 1);
  assert.is(comparePackageVersions('apk', '3.4.1-r1', '3.4.1-r0'), 1);
  assert.is(comparePackageVersions('apk', '3.2.7-1+deb12u1', '3.4.1-r0'), null);
});

any.run();

// Property tests: every ordering is a total preorder on the strings it accepts.
const dpkgText = fc
  .tuple(fc.option(fc.nat(3), { nil: undefined }), fc.stringMatching(/^[0-9][0-9a-z.+~]{0,5}$/), fc.option(fc.stringMatching(/^[0-9a-z.+~]{1,5}$/), { nil: undefined }))
  .map(([e, u, r]) => `${e === undefined ? '' : `${e}:`}${u}${r === undefined ? '' : `-${r}`}`);
const rpmText = fc
  .tuple(fc.option(fc.nat(3), { nil: undefined }), fc.stringMatching(/^[0-9a-zA-Z._+~^]{1,6}$/), fc.option(fc.stringMatching(/^[0-9a-z._+~^]{1,5}$/), { nil: undefined }))
  .map(([e, v, r]) => `${e === undefined ? '' : `${e}:`}${v}${r === undefined ? '' : `-${r}`}`);
const apkText = fc
  .tuple(
    fc.array(fc.constantFrom('0', '1', '2', '10'), { minLength: 1, maxLength: 3 }),
    fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
    fc.array(fc.tuple(fc.constantFrom('alpha', 'rc', 'p', 'git'), fc.constantFrom('', '0', '1', '2')), { maxLength: 2 }),
    fc.option(fc.nat(3), { nil: undefined }),
  )
  .map(([n, l, s, r]) => `${n.join('.')}${l ?? ''}${s.map(([x, k]) => `_${x}${k}`).join('')}${r === undefined ? '' : `-r${r}`}`);

const laws = suite('ordering laws (fast-check)');

for (const [name, compare, text] of [
  ['dpkg', compareDpkgVersions, dpkgText],
  ['rpm', compareRpmVersions, rpmText],
  ['apk', compareApkVersions, apkText],
] as const) {
  laws(`${name}: every generated version is accepted and equal to itself`, () => {
    fc.assert(fc.property(text, (a) => compare(a, a) === 0));
  });
  laws(`${name}: antisymmetric`, () => {
    fc.assert(fc.property(text, text, (a, b) => compare(a, b) === -(compare(b, a) ?? Number.NaN)));
  });
  laws(`${name}: transitive`, () => {
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => compare(p, q) ?? 0);
        // Sorted with the ordering itself, so x ≤ y ≤ z must imply x ≤ z, and equality must carry over.
        const xy = compare(x ?? '', y ?? '') ?? 2;
        const yz = compare(y ?? '', z ?? '') ?? 2;
        const xz = compare(x ?? '', z ?? '') ?? 2;
        return xy <= 0 && yz <= 0 && xz <= 0 && (xy !== 0 || yz !== 0 || xz === 0);
      }),
      { numRuns: 2000 },
    );
  });
}

laws.run();

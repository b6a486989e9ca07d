import { describe, expect, test } from 'vitest';
import { compareSemver, parseSemver } from './semver.ts';

describe('parseSemver', () => {
  test('reads core, prerelease and build', () => {
    expect(parseSemver('1.45.0')).toEqual({
      major: 1,
      minor: 45,
      patch: 0,
      prerelease: [],
      build: [],
    });
    expect(parseSemver('1.2.3-4.5.6-alpha.7+build.01')).toEqual({
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: ['4', '5', '6-alpha', '7'],
      build: ['build', '01'],
    });
  });

  test('rejects what Rust semver rejects', () => {
    for (const bad of [
      '1.2',
      '1.2.3.4',
      '01.2.3',
      '1.2.3-',
      '1.2.3-01',
      '1.2.3+',
      'v1.2.3',
      '1.2.3-a..b',
      '',
    ]) {
      expect(parseSemver(bad), bad).toBeUndefined();
    }
  });
});

describe('compareSemver', () => {
  test('follows semver precedence', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.4.1',
      '1.10.0',
      '2.0.0',
    ];
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(
        compareSemver(parseSemver(ordered[i]!)!, parseSemver(ordered[i + 1]!)!),
        `${ordered[i]} < ${ordered[i + 1]}`,
      ).toBe(-1);
      expect(compareSemver(parseSemver(ordered[i + 1]!)!, parseSemver(ordered[i]!)!)).toBe(1);
    }
    expect(compareSemver(parseSemver('1.0.0+a')!, parseSemver('1.0.0+b')!)).toBe(0);
  });
});

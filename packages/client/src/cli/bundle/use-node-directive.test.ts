import { describe, expect, test } from 'vitest';
import { hasUseNodeDirective } from './use-node-directive.ts';

describe('hasUseNodeDirective', () => {
  test.each([
    ['"use node";\nexport const a = 1;', true],
    ["'use node'\nexport const a = 1;", true],
    ['// actions that need Node\n/* really */\n"use node";\nimport x from "y";', true],
    ['#!/usr/bin/env node\n"use node";', true],
    ['"use strict";\n"use node";', true],
    ['\uFEFF"use node";', true],
    ['import x from "y";\n"use node";', false],
    ['const s = "use node";', false],
    ['"use node".length;', false],
    ['"use nodes";', false],
    ['export const a = "no directive at all";', false],
    ['// "use node"\nexport const a = 1;', false],
  ])('%j → %s', (source, expected) => {
    expect(hasUseNodeDirective(source)).toBe(expected);
  });
});

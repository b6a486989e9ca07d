// One type-aware lint setup for the whole repository (STYLE.md habit 38: eslint + prettier).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { allowedImports, layeredPackages } from './layers.js';

const sourceFiles = ['**/*.ts', '**/*.tsx', '**/*.mts'];

/** Imports that are wrong everywhere: deep imports into another package's src/. */
const deepImportPatterns = [
  {
    group: ['@selfhost/*/src', '@selfhost/*/src/*'],
    message: 'Import other workspace packages by name, never into their src/ (STYLE.md habit 3).',
  },
  {
    regex: '^(\\.\\./)+(packages|apps|tooling)/',
    message: 'Import other workspace packages by name, never by a relative path (STYLE.md habit 3).',
  },
  {
    regex: '^(\\.\\./)+[a-z0-9-]+/src(/|$)',
    message: 'Import other workspace packages by name, never into their src/ (STYLE.md habit 3).',
  },
];

/** Inside a package's src/, its own barrel (index.ts) is off limits (STYLE.md habit 2). */
const ownBarrelPattern = {
  regex: '^\\.{1,2}(/\\.\\.)*/(index(\\.ts|\\.js)?)?$',
  message: "Import the concrete module, not this package's index.ts (STYLE.md habit 2).",
};

function layeringBlock(folder, allowed) {
  const forbidden = layeredPackages.filter(
    (name) => !allowed.includes(name) && `packages/${name}` !== folder,
  );
  const paths = forbidden.map((name) => ({
    name: `@selfhost/${name}`,
    message: `${folder} may not import @selfhost/${name}: see the layering in shared/ARCHITECTURE.md and tooling/eslint-config/layers.js.`,
  }));
  const patterns = [
    ...deepImportPatterns,
    ...forbidden.map((name) => ({
      group: [`@selfhost/${name}/*`],
      message: `${folder} may not import @selfhost/${name}: see the layering in shared/ARCHITECTURE.md and tooling/eslint-config/layers.js.`,
    })),
  ];
  return [
    {
      files: [`${folder}/**/*.ts`, `${folder}/**/*.tsx`],
      rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
    },
    {
      files: [`${folder}/src/**/*.ts`, `${folder}/src/**/*.tsx`],
      ignores: [`${folder}/src/**/*.test.ts`, `${folder}/src/**/*.test-d.ts`, `${folder}/src/**/*.bench.ts`],
      rules: { 'no-restricted-imports': ['error', { paths, patterns: [...patterns, ownBarrelPattern] }] },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      '**/.turbo/**',
      '**/coverage/**',
      '**/test-results/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
      '**/next-env.d.ts',
      // Scratch files (profiling, experiments) are git-ignored and never break lint.
      '**/*.tmp.ts',
    ],
  },
  {
    files: sourceFiles,
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/naming-convention': [
        'error',
        { selector: 'typeParameter', format: ['PascalCase'], custom: { regex: '^T[A-Z]', match: true } },
      ],
      'max-params': ['error', 3],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'No TS enums: use const strings (STYLE.md habit 14).' },
        { selector: 'TSModuleDeclaration[kind="namespace"]', message: 'No namespaces (STYLE.md habit 14).' },
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md habit 11).' },
      ],
      'no-restricted-imports': ['error', { patterns: deepImportPatterns }],
    },
  },
  {
    // Tools that demand a default export; Convex function modules whose API names `default`.
    files: [
      '**/*.config.ts',
      '**/*.config.mts',
      '**/app/**/*.tsx',
      '**/pages/**/*.tsx',
      'packages/system-udfs/src/cli/**/*.ts',
      'packages/system-udfs/src/frontend/**/*.ts',
      '**/fixture-app/**/*.ts',
      '**/fixtures/**/*.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Tests may be loose about types that the code under test already checks.
    files: ['**/*.test.ts', '**/*.test-d.ts', '**/*.bench.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      'max-params': 'off',
    },
  },
  ...Object.entries(allowedImports).flatMap(([folder, allowed]) => layeringBlock(folder, allowed)),
);

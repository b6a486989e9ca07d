import type { CodegenInput } from './codegen-input.ts';
import { docComment, generatedHeader } from './codegen-text.ts';
import { parseValidatorJson, validatorType } from './validator-type.ts';

const HEADER = generatedHeader(
  "Generated utilities for writing this app's queries, mutations and actions.",
);

/** Environment variables every deployment has (compat spec: `CONVEX_CLOUD_URL`, `CONVEX_SITE_URL`). */
const PLATFORM_ENV_VARS: [
  string,
  { type: 'value'; value: string; optional?: boolean | undefined },
][] = [
  ['CONVEX_CLOUD_URL', { type: 'value', value: '{"type":"string"}' }],
  ['CONVEX_SITE_URL', { type: 'value', value: '{"type":"string"}' }],
];

const BUILDERS = [
  {
    name: 'query',
    generic: 'queryGeneric',
    type: 'QueryBuilder<DataModel, "public">',
    doc: ['Defines a query of the public API: it reads the database and clients may call it.'],
  },
  {
    name: 'internalQuery',
    generic: 'internalQueryGeneric',
    type: 'QueryBuilder<DataModel, "internal">',
    doc: ['Defines a query only other functions may call (clients cannot).'],
  },
  {
    name: 'mutation',
    generic: 'mutationGeneric',
    type: 'MutationBuilder<DataModel, "public">',
    doc: ['Defines a mutation of the public API: it writes the database in one transaction.'],
  },
  {
    name: 'internalMutation',
    generic: 'internalMutationGeneric',
    type: 'MutationBuilder<DataModel, "internal">',
    doc: ['Defines a mutation only other functions may call (clients cannot).'],
  },
  {
    name: 'action',
    generic: 'actionGeneric',
    type: 'ActionBuilder<DataModel, "public">',
    doc: [
      'Defines an action of the public API: any code, side effects included (e.g. `fetch`).',
      'It reaches the database through `ctx.runQuery` / `ctx.runMutation`; with "use node" it runs in Node.js.',
    ],
  },
  {
    name: 'internalAction',
    generic: 'internalActionGeneric',
    type: 'ActionBuilder<DataModel, "internal">',
    doc: ['Defines an action only other functions may call (clients cannot).'],
  },
  {
    name: 'httpAction',
    generic: 'httpActionGeneric',
    type: 'HttpActionBuilder',
    doc: ['Defines an HTTP action: route it in `http.ts` to answer HTTP requests.'],
  },
] as const;

const CONTEXT_TYPES = [
  [
    'QueryCtx',
    'GenericQueryCtx<DataModel>',
    'What a query function gets as its first argument (read-only services).',
  ],
  [
    'MutationCtx',
    'GenericMutationCtx<DataModel>',
    'What a mutation function gets as its first argument.',
  ],
  [
    'ActionCtx',
    'GenericActionCtx<DataModel>',
    'What an action function gets as its first argument.',
  ],
  [
    'DatabaseReader',
    'GenericDatabaseReader<DataModel>',
    '`ctx.db` in queries: reads documents by id or with queries.',
  ],
  [
    'DatabaseWriter',
    'GenericDatabaseWriter<DataModel>',
    '`ctx.db` in mutations: reads and writes, all in one transaction.',
  ],
] as const;

const TYPE_IMPORTS = [
  'ActionBuilder',
  'HttpActionBuilder',
  'MutationBuilder',
  'QueryBuilder',
  'GenericActionCtx',
  'GenericMutationCtx',
  'GenericQueryCtx',
  'GenericDatabaseReader',
  'GenericDatabaseWriter',
];

/**
 * The `server` files: `server.js` + `server.d.ts`, or `server.ts`. They export the function
 * builders typed with the app's `DataModel` (`query`, `mutation`, …, `httpAction`), the context
 * types (`QueryCtx`, …, `DatabaseWriter`) and `env`, typed from the platform variables plus the
 * ones the app declares (from the analysis).
 *
 * @example
 * ```ts
 * serverFiles(input)['server.d.ts'];
 * ```
 */
export function serverFiles(input: CodegenInput): Record<string, string> {
  const { server } = input.pkg;
  const envVars = [...PLATFORM_ENV_VARS, ...(input.analysis?.definition.envVars ?? [])];
  const envType = [
    docComment(['The environment variables of the deployment, typed.']),
    'type Env = {',
    ...envVars.map(([name, declaration]) => {
      const validator = parseValidatorJson(declaration.value);
      const type =
        validator === null
          ? 'unknown'
          : validatorType(validator, { useIdType: false, valuesModule: input.pkg.values });
      return `  readonly ${name}: ${type}${declaration.optional === true ? ' | undefined' : ''};`;
    }),
    '};',
  ];
  const envDoc = docComment(["The deployment's environment variables (`process.env`), typed."]);
  const contextTypes = CONTEXT_TYPES.flatMap(([name, type, doc]) => [
    '',
    docComment([doc]),
    `export type ${name} = ${type};`,
  ]);
  const runtimeImport = `import {\n${BUILDERS.map((builder) => `  ${builder.generic},`).join('\n')}\n} from "${server}";`;
  const typeImport = `import type {\n${TYPE_IMPORTS.map((name) => `  ${name},`).join('\n')}\n} from "${server}";`;
  if (input.fileType === 'ts') {
    return {
      'server.ts': [
        HEADER,
        runtimeImport,
        typeImport,
        'import type { DataModel } from "./dataModel.js";',
        '',
        ...envType,
        ...BUILDERS.flatMap((builder) => [
          '',
          docComment(builder.doc),
          `export const ${builder.name}: ${builder.type} = ${builder.generic};`,
        ]),
        '',
        envDoc,
        'export const env: Env = (globalThis as unknown as { process: { env: Env } }).process.env;',
        ...contextTypes,
        '',
      ].join('\n'),
    };
  }
  return {
    'server.js': [
      HEADER,
      runtimeImport,
      ...BUILDERS.flatMap((builder) => [
        '',
        docComment(builder.doc),
        `export const ${builder.name} = ${builder.generic};`,
      ]),
      '',
      envDoc,
      'export const env = process.env;',
      '',
    ].join('\n'),
    'server.d.ts': [
      HEADER,
      typeImport,
      'import type { DataModel } from "./dataModel.js";',
      '',
      ...envType,
      ...BUILDERS.flatMap((builder) => [
        '',
        docComment(builder.doc),
        `export declare const ${builder.name}: ${builder.type};`,
      ]),
      '',
      envDoc,
      'export declare const env: Env;',
      ...contextTypes,
      '',
    ].join('\n'),
  };
}

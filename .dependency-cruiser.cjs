/**
 * Structure checked by a tool, not by memory (issue 9, STYLE.md §1). ESLint's no-restricted-imports
 * guards single import lines per folder; dependency-cruiser sees the whole graph, so it is the one
 * that can forbid cycles and transitive layer breaks (a core module reaching `electron` through a
 * helper). `npm run lint:deps` runs it as part of `npm test`.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles-main',
      severity: 'error',
      comment: 'Import cycles make module initialisation order matter and hide layering mistakes.',
      from: { path: '^src-main' },
      to: { circular: true },
    },
    {
      name: 'no-cycles-renderer',
      severity: 'error',
      comment: 'Import cycles make module initialisation order matter and hide layering mistakes.',
      from: { path: '^src-renderer' },
      to: { circular: true },
    },
    {
      name: 'core-never-electron',
      severity: 'error',
      comment: 'src-main/core runs under plain Node (CLI, web mode, tests): Electron stays in src-main/electron.',
      from: { path: '^src-main/core' },
      to: { path: '^electron$|^node_modules/electron/', reachable: true },
    },
    {
      name: 'core-never-imports-shells',
      severity: 'error',
      comment: 'The shells (electron, web, cli) depend on core, never the other way round.',
      from: { path: '^src-main/core' },
      to: { path: '^src-main/(electron|web|cli)/' },
    },
    {
      name: 'sim-never-aws',
      severity: 'error',
      comment: 'The simulator and the AWS source are two implementations of one interface; shared rules live in core.',
      from: { path: '^src-main/core/sources/sim/' },
      to: { path: '^src-main/core/sources/aws/|^node_modules/@aws-sdk/' },
    },
    {
      name: 'aws-never-sim',
      severity: 'error',
      comment: 'The simulator and the AWS source are two implementations of one interface; shared rules live in core.',
      from: { path: '^src-main/core/sources/aws/' },
      to: { path: '^src-main/core/sources/sim/' },
    },
    {
      name: 'host-dispatches-only',
      severity: 'error',
      comment: 'core-host.ts validates and dispatches (issue 9 item 5): scenarios, fault schemas and other source specifics sit behind the session and simulation requests.',
      from: { path: '^src-main/core/core-host\\.ts$' },
      to: { path: '^src-main/core/(sources/(sim|aws)/|scenario-files)' },
    },
    {
      name: 'renderer-browser-only',
      severity: 'error',
      comment: 'The renderer runs in a browser sandbox: no Node built-ins, Electron or AWS SDK; credentials stay in main.',
      from: { path: '^src-renderer' },
      to: {
        dependencyTypes: ['core'],
      },
    },
    {
      name: 'renderer-no-electron-or-sdk',
      severity: 'error',
      comment: 'The renderer talks to main only through the contract; AWS calls and credentials stay in main.',
      from: { path: '^src-renderer' },
      to: { path: '^electron$|^node_modules/(electron|@aws-sdk|@smithy)/' },
    },
    {
      name: 'renderer-only-contract-from-main',
      severity: 'error',
      comment: 'Only the contract is shared with the renderer.',
      from: { path: '^src-renderer' },
      to: { path: '^src-main/', pathNot: '^src-main/core/contract/' },
    },
    {
      name: 'contract-only-zod',
      severity: 'error',
      comment: 'The contract is shared with the renderer: zod and its own files only.',
      from: { path: '^src-main/core/contract/' },
      to: { pathNot: '^src-main/core/contract/|^node_modules/zod/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.web.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.vue', '.json', '.mjs', '.cjs'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};

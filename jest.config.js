/* Jest runs TypeScript through @swc/jest; NestJS 12 ships ESM, so its files are transpiled too. */
const swcTs = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
}];
const shared = {
  moduleFileExtensions: ['js', 'json', 'ts', 'tsx'],
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': swcTs,
    '^.+\\.m?js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@fastify|content-disposition|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit)/)',
  ],
  moduleNameMapper: {
    '^@app/(config|database|queue|common|domain)$': '<rootDir>/libs/$1/src',
    '^@app/(config|database|queue|common|domain)/(.*)$': '<rootDir>/libs/$1/src/$2',
    '^@glossary$': '<rootDir>/libs/common/src/glossary.ts',
  },
};
module.exports = {
  // A global option: Jest ignores testTimeout inside a project entry, so hooks fell back to 5 s under load.
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      setupFiles: ['<rootDir>/test/setup-env.ts'],
      testTimeout: 60000,
    },
  ],
};

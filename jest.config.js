/** @type {import('jest').Config} */
const tsJest = [
  'ts-jest',
  { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false },
];
const transform = { '^.+\\.tsx?$': tsJest };
module.exports = {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
    },
    {
      displayName: 'dom',
      testEnvironment: 'jsdom',
      transform,
      testMatch: ['<rootDir>/src/**/*.test.tsx', '<rootDir>/test/**/*.test.tsx'],
    },
  ],
};

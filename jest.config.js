/** @type {import('jest').Config} */
const tsJest = [
  'ts-jest',
  { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false },
];
const transform = { '^.+\\.tsx?$': tsJest };
const setupFiles = ['<rootDir>/test/setup/fast-check.ts'];

// Suites that start LibreOffice or Chromium: one at a time (test/setup/serial-runner.js), so that
// two soffice processes never start together on a small machine. Every other suite runs in parallel.
const SERIAL = [
  '<rootDir>/test/e2e/**/*.test.ts',
  '<rootDir>/test/**/libreoffice*.test.ts',
  '<rootDir>/test/**/*.process.test.ts',
];

module.exports = {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      setupFiles,
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/e2e/',
        'libreoffice[^/]*\\.test\\.ts$',
        '\\.process\\.test\\.ts$',
      ],
    },
    {
      displayName: 'dom',
      testEnvironment: 'jsdom',
      transform,
      setupFiles,
      testMatch: ['<rootDir>/src/**/*.test.tsx', '<rootDir>/test/**/*.test.tsx'],
    },
    {
      displayName: 'serial',
      testEnvironment: 'node',
      transform,
      setupFiles,
      runner: '<rootDir>/test/setup/serial-runner.js',
      testMatch: SERIAL,
    },
  ],
};

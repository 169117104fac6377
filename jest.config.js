/** @type {import('jest').Config} */
const fs = require('node:fs');
const path = require('node:path');

const tsJest = [
  'ts-jest',
  { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false },
];
const transform = { '^.+\\.tsx?$': tsJest };
const setupFiles = ['<rootDir>/test/setup/fast-check.ts'];

// A suite that starts other processes: it imports child_process, playwright (Chromium), or the
// LibreOffice or e2e helpers. Those suites run one at a time (test/setup/serial-runner.js), so that
// two soffice or Chromium processes never start together on a small machine; every other suite
// runs in parallel. test/setup/projects.test.ts checks the split.
const STARTS_PROCESSES =
  /from '((node:)?child_process|playwright-core|(\.\.?\/)+(templates\/)?soffice|\.\/harness)'/;

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : testFiles(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const SERIAL = ['src', 'test']
  .flatMap((d) => testFiles(path.join(__dirname, d)))
  .filter((f) => STARTS_PROCESSES.test(fs.readFileSync(f, 'utf8')));
const exactly = (f) => `^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

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
      testPathIgnorePatterns: ['/node_modules/', ...SERIAL.map(exactly)],
    },
    {
      displayName: 'dom',
      testEnvironment: 'jsdom',
      transform,
      setupFiles,
      testMatch: ['<rootDir>/src/**/*.test.tsx', '<rootDir>/test/**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', ...SERIAL.map(exactly)],
    },
    {
      displayName: 'serial',
      testEnvironment: 'node',
      transform,
      setupFiles,
      runner: '<rootDir>/test/setup/serial-runner.js',
      testRegex: SERIAL.length > 0 ? SERIAL.map(exactly) : ['^$'],
    },
  ],
};

// Jest's own runner, marked serial: the suites of the `serial` project (those that start LibreOffice
// or Chromium) run one at a time in the main process, after or before the pure suites have run in
// parallel workers. One jest run, so test/summary-reporter.js still counts every suite.
const TestRunner = require('jest-runner').default;

class SerialRunner extends TestRunner {
  isSerial = true;
}

module.exports = SerialRunner;

// Loaded into every node process of a measured command (NODE_OPTIONS=--require=…/bench/probe.js):
// on exit it appends the process's CPU time and peak memory (resident set) to the file named by
// $JIXIAO_PROBE, one JSON line per process, so that `npx jixiao` counts npm's own process too.
'use strict';
const fs = require('fs');
const out = process.env.JIXIAO_PROBE;
if (out) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    const line = {
      pid: process.pid,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakMb: process.resourceUsage().maxRSS / 1024,
    };
    fs.appendFileSync(out, `${JSON.stringify(line)}\n`);
  });
}

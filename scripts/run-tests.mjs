// Runs the linter, then every test suite (unit + server, then browser), and ends with one plain
// line "tests: N passed, N failed" that any CI can read. Exits non-zero if anything failed; lint
// errors count as one failure, so CI fails on them, but the tests still run and report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

// Absolute: each suite resolves relative paths against its own root.
const outDir = resolve('node_modules/.cache/test-results');
mkdirSync(outDir, { recursive: true });
const suites = [
  { name: 'unit and server', args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${outDir}/unit.json`] },
  { name: 'e2e', args: ['vitest', 'run', '--config', 'e2e/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${outDir}/e2e.json`] },
];
let passed = 0;
let failed = 0;
let broken = false;

const lint = spawnSync('pnpm', ['lint'], { stdio: 'inherit' });
const lintClean = lint.status === 0;
if (!lintClean) failed += 1;
for (const suite of suites) {
  const file = suite.args.find((a) => a.startsWith('--outputFile.json='))?.split('=')[1];
  const run = spawnSync('npx', suite.args, { stdio: 'inherit' });
  if (file && existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) failed += r.numFailedTestSuites;
  } else {
    console.error(`${suite.name}: no report at ${file}`);
    broken = true;
  }
  if (run.status !== 0) broken = true;
}
console.log(`\nlint: ${lintClean ? 'clean' : 'failed (counted as 1 failed below)'}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(broken || failed > 0 ? 1 : 0);

// `npm test`: the migrations check, the import-cycle check, typecheck, lint (ESLint), format check (Prettier), dead code (knip), unit and
// integration tests (vitest: the backend's, including the crash, property and security tests, and the
// renderer's in happy-dom), then a fresh build, the renderer security scan over sources and build,
// and the browser tests (Playwright in Debian's Chromium). Stops at the first failing stage.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

function run(title, command, args) {
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write(`✗ ${title} failed\n`);
    process.exit(result.status ?? 1);
  }
}

run('committed migrations unchanged (scripts/check-migrations.mjs)', 'node', ['scripts/check-migrations.mjs']);
run('no import cycle between folders or files of src-main (scripts/import-graph.mjs)', 'node', ['scripts/import-graph.mjs', '--cycles']);
run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
run('typecheck (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
run('typecheck (renderer tests)', 'npx', ['tsc', '-p', 'tsconfig.renderer-test.json', '--noEmit']);
run('lint (eslint)', 'npx', ['eslint', '.']);
run('format check (prettier; `npm run format` fixes it)', 'npx', ['prettier', '--check', '.']);
run('dead code: unused files, exports and dependencies (knip)', 'npx', ['knip']);
// Built first, so the unit tests also check the preload that ships (out/preload/index.cjs).
run('build', 'npx', ['electron-vite', 'build']);
run('unit and integration tests', 'npx', ['vitest', 'run']);

const e2e = readdirSync('e2e').filter((f) => f.endsWith('.spec.ts'));
if (e2e.length > 0 && !chromiumPath()) {
  process.stderr.write('✗ No Chromium for the browser tests: install it with `sudo apt-get install chromium` (or set CHROMIUM_PATH).\n');
  process.exit(1);
}
// After the build, so that what ships (out/) is scanned too.
run('renderer security scan (scripts/security-scan.mjs, electronegativity)', 'node', ['scripts/security-scan.mjs']);
if (e2e.length > 0) run('browser tests', 'npx', ['playwright', 'test']);

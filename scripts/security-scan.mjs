// Renderer security scan: @doyensec/electronegativity over what the app is made of (main process,
// preload, renderer, shared code, package.json) and, when it has been built, over out/ too (what ships).
// Fails on any file it cannot parse (an unscanned file proves nothing) and on any HIGH or MEDIUM finding
// that scripts/electronegativity-allowlist.json does not explain. LOW and informational findings are
// listed. Offline: the check that downloads Electron's release list is skipped (CI has no internet), and
// the Electron version comes from package.json.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const allowlist = JSON.parse(readFileSync(join(root, 'scripts', 'electronegativity-allowlist.json'), 'utf8')).accepted;

const SOURCES = ['src-main', 'src-preload', 'src-renderer', 'src-shared', 'package.json'];
const BUILT = ['out/main', 'out/preload', 'out/renderer'];
// Tests and test tooling do not ship; the scan is about the app.
const shipped = (path) => !/\.test\.tsx?$/.test(path) && !path.includes(`${sep}testing${sep}`);

const scanDir = mkdtempSync(join(tmpdir(), 'flowbridge-electronegativity-'));
const built = BUILT.every((d) => existsSync(join(root, d)));
for (const item of [...SOURCES, ...(built ? BUILT : [])]) {
  cpSync(join(root, item), join(scanDir, item), { recursive: true, filter: shipped });
}

// The runner looks up translations online first and says so on console.log when it cannot: quiet that.
const log = console.log;
console.log = (...args) => {
  if (!String(args[0]).includes('translations')) log(...args);
};
let result;
try {
  result = await run({
    input: scanDir,
    isRelative: true,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    parserPlugins: [],
  });
} finally {
  console.log = log;
  rmSync(scanDir, { recursive: true, force: true });
}

const problems = [];
for (const error of result.errors) {
  const file = relative(scanDir, error.file);
  if (!error.tolerable) problems.push(`cannot parse ${file}: ${error.message} (an unscanned file proves nothing)`);
}

const explain = (issue) =>
  allowlist.find(
    (a) =>
      a.id === issue.id && new RegExp(a.file).test(issue.file) && (a.sample === undefined || new RegExp(a.sample).test(issue.sample ?? '')),
  );

const used = new Set();
const lines = [];
for (const issue of result.issues) {
  const where = `${issue.file}:${issue.location.line}`;
  const severity = issue.severity.name;
  const accepted = explain(issue);
  if (accepted) used.add(accepted);
  if (severity === 'HIGH' || severity === 'MEDIUM') {
    if (accepted) lines.push(`  accepted ${severity.padEnd(6)} ${issue.id} at ${where}: ${accepted.reason}`);
    else
      problems.push(
        `${severity} ${issue.id} at ${where}: ${issue.description} (${issue.shortenedURL}); fix it or explain it in scripts/electronegativity-allowlist.json`,
      );
  } else {
    lines.push(`  note     ${severity.padEnd(6)} ${issue.id} at ${where}${accepted ? `: ${accepted.reason}` : `: ${issue.description}`}`);
  }
}

console.log(
  `electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${result.atomicChecks} atomic and ${result.globalChecks} global checks over ${SOURCES.join(', ')}${built ? ` and ${BUILT.join(', ')}` : ' (out/ not built: sources only)'}`,
);
for (const line of lines) console.log(line);
for (const entry of allowlist)
  if (!used.has(entry) && !(entry.builtOnly && !built))
    console.log(`  stale allowlist entry (nothing matched it): ${entry.id} ${entry.file}`);
if (problems.length > 0) {
  for (const p of problems) console.error(`✗ ${p}`);
  process.exit(1);
}
console.log('electronegativity: no unexplained high or medium finding');

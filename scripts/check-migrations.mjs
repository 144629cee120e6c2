// Committed migrations are never edited (one that ran on a user's machine must stay as it ran): every
// drizzle/*.sql and meta snapshot that git tracks must read exactly as in the commit that first added
// it, none may be deleted, and the journal may only grow by appending entries. Run by `npm test`; skipped, with a line saying so, outside a git
// checkout. Exit code 1 names every offending file.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const JOURNAL = 'drizzle/meta/_journal.json';

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

function inGitCheckout() {
  try {
    return git('rev-parse', '--is-inside-work-tree').trim() === 'true' && git('rev-parse', '--verify', '--quiet', 'HEAD').trim() !== '';
  } catch {
    return false;
  }
}

if (!inGitCheckout()) {
  console.log('check-migrations: skipped (not a git checkout with commits): cannot compare migrations with their first commit');
  process.exit(0);
}

const shallow = git('rev-parse', '--is-shallow-repository').trim() === 'true';
const problems = [];
const tracked = git('ls-files', '-z', '--', 'drizzle').split('\0').filter(Boolean);
const immutable = tracked.filter((f) => /^drizzle\/[^/]+\.sql$/.test(f) || /^drizzle\/meta\/\d+_snapshot\.json$/.test(f));

for (const file of immutable) {
  // The oldest commit that added the file (following no renames: a migration keeps its name).
  const added = git('log', '--diff-filter=A', '--format=%H', '--', file).trim().split('\n').filter(Boolean).at(-1);
  if (!added) continue; // Tracked but not yet committed (staged): nothing to compare with yet.
  const original = git('show', `${added}:${file}`);
  const path = join(root, file);
  if (!existsSync(path)) {
    problems.push(`${file} was deleted (added in ${added.slice(0, 8)}); migrations are never removed`);
    continue;
  }
  if (readFileSync(path, 'utf8') !== original) {
    problems.push(`${file} differs from the version committed in ${added.slice(0, 8)}; add a new migration instead of editing this one`);
  }
  const head = git('show', `HEAD:${file}`);
  if (head !== original) problems.push(`${file} was changed by a commit after ${added.slice(0, 8)}`);
}

// The journal only ever grows: every committed version's entries are a prefix of the current ones.
const key = (e) => `${e.idx}|${e.tag}|${e.when}`;
const current = JSON.parse(readFileSync(join(root, JOURNAL), 'utf8')).entries.map(key);
const versions = git('log', '--format=%H', '--', JOURNAL).trim().split('\n').filter(Boolean);
for (const commit of versions) {
  let entries;
  try {
    entries = JSON.parse(git('show', `${commit}:${JOURNAL}`)).entries.map(key);
  } catch {
    continue; // The journal did not exist in that commit (deleted and re-added): nothing to compare.
  }
  const prefix = entries.every((entry, i) => current[i] === entry);
  if (!prefix) problems.push(`${JOURNAL}: entries of ${commit.slice(0, 8)} were changed or removed; entries may only be appended`);
}

// Journal and files agree: every entry has its SQL, every SQL file is in the journal.
const tags = JSON.parse(readFileSync(join(root, JOURNAL), 'utf8')).entries.map((e) => e.tag);
for (const tag of tags)
  if (!existsSync(join(root, 'drizzle', `${tag}.sql`))) problems.push(`drizzle/${tag}.sql is in the journal but missing`);
for (const file of tracked.filter((f) => /^drizzle\/[^/]+\.sql$/.test(f))) {
  const tag = file.slice('drizzle/'.length, -'.sql'.length);
  if (!tags.includes(tag)) problems.push(`${file} is not in ${JOURNAL}`);
}

if (problems.length > 0) {
  for (const p of problems) console.error(`✗ ${p}`);
  process.exit(1);
}
console.log(
  `check-migrations: ${immutable.length} committed migration files unchanged since their first commit, journal append-only across ${versions.length} commit(s)${shallow ? ' (shallow clone: compared with the oldest commit available)' : ''}`,
);

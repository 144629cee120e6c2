// The backend's import graph, for a reviewer and for `npm test`: cycles between the folders of src-main,
// cycles between its files, and, per table, the files whose SQL (raw or drizzle) writes or reads it.
// Tests and test tooling are left out: they may import anything. Exits 1 on any cycle.
//
//   node scripts/import-graph.mjs            the report
//   node scripts/import-graph.mjs --cycles   only the cycles (what `npm test` runs)
//
// A regex over import lines is enough here: the tree uses only static relative imports.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const SRC = join(ROOT, 'src-main');
const onlyCycles = process.argv.includes('--cycles');

const isTest = (rel) => /\.test\.ts$/.test(rel) || rel.startsWith('testing/') || rel === 'sandbox/specProxy.ts';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

const files = walk(SRC)
  .map((f) => relative(SRC, f))
  .filter((f) => !isTest(f))
  .sort();
const source = new Map(files.map((f) => [f, readFileSync(join(SRC, f), 'utf8')]));

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = join(dirname(join(SRC, from)), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(SRC, candidate);
  }
  return null;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/g;
const edges = new Map();
for (const [file, text] of source) {
  const targets = new Set();
  for (const m of text.matchAll(IMPORT)) {
    const target = resolveImport(file, m[1]);
    if (target && source.has(target)) targets.add(target);
  }
  edges.set(file, [...targets].sort());
}

const folderOf = (file) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '.');
const folderEdges = new Map();
const folderWitness = new Map();
for (const [file, targets] of edges) {
  for (const target of targets) {
    const a = folderOf(file);
    const b = folderOf(target);
    if (a === b) continue;
    if (!folderEdges.has(a)) folderEdges.set(a, new Set());
    folderEdges.get(a).add(b);
    const key = `${a}→${b}`;
    if (!folderWitness.has(key)) folderWitness.set(key, []);
    folderWitness.get(key).push(`${file} → ${target}`);
  }
}

/** Tarjan's strongly connected components; only those of more than one node are cycles. */
function cycles(nodes, next) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  function visit(v) {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  }
  for (const v of nodes) if (!idx.has(v)) visit(v);
  return out;
}

const folders = [...new Set(files.map(folderOf))].sort();
const folderCycles = cycles(folders, (f) => [...(folderEdges.get(f) ?? [])]);
const fileCycles = cycles(files, (f) => edges.get(f) ?? []);

const lines = [];
lines.push(`# Import graph of src-main (${files.length} files, tests and test tooling left out)`, '');
lines.push(`## Cycles between folders: ${folderCycles.length}`);
for (const component of folderCycles) {
  lines.push(`- ${component.join(' ⇄ ')}`);
  const inside = new Set(component);
  for (const a of component) {
    for (const b of folderEdges.get(a) ?? []) {
      if (inside.has(b)) lines.push(`  - ${a} → ${b}: ${folderWitness.get(`${a}→${b}`).join(', ')}`);
    }
  }
}
lines.push('', `## Cycles between files: ${fileCycles.length}`);
for (const component of fileCycles) lines.push(`- ${component.join(', ')}`);

if (!onlyCycles) {
  // Tables: drizzle's declarations, plus the ones hand-written migrations create (full-text index, …).
  const schema = readFileSync(join(SRC, 'db/schema.ts'), 'utf8');
  const tables = new Map(); // SQL name → drizzle identifier (or null)
  for (const m of schema.matchAll(/export const (\w+) = sqliteTable\(\s*'(\w+)'/g)) tables.set(m[2], m[1]);
  for (const f of readdirSync(join(ROOT, 'drizzle')).filter((n) => n.endsWith('.sql'))) {
    const sqlText = readFileSync(join(ROOT, 'drizzle', f), 'utf8');
    for (const m of sqlText.matchAll(/CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF NOT EXISTS\s+)?[`"]?(\w+)[`"]?/gi)) {
      if (!tables.has(m[1]) && !m[1].startsWith('__new_')) tables.set(m[1], null);
    }
  }
  const stripComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const usage = new Map([...tables.keys()].map((t) => [t, { write: new Set(), read: new Set() }]));
  for (const [file, text] of source) {
    if (file === 'db/schema.ts') continue;
    const code = stripComments(text);
    // A type-only import (`import type { contacts }`, for `typeof contacts.$inferSelect`) runs no SQL.
    const schemaImport = [...code.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"][./]*(?:db\/)?schema['"]/g)]
      .flatMap((m) => m[1].split(','))
      .filter((s) => !/^\s*type\s/.test(s))
      .map((s) => s.trim().split(/\s+as\s+/)[0])
      .filter(Boolean);
    for (const [table, ident] of tables) {
      const t = table.replace(/_/g, '_');
      const writes = new RegExp(
        `\\b(?:INSERT(?:\\s+OR\\s+\\w+)?\\s+INTO|REPLACE\\s+INTO|UPDATE(?:\\s+OR\\s+\\w+)?|DELETE\\s+FROM)\\s+[\`"]?${t}\\b`,
        'i',
      );
      const reads = new RegExp(`\\b(?:FROM|JOIN)\\s+[\`"]?${t}\\b`, 'i');
      const entry = usage.get(table);
      if (writes.test(code)) entry.write.add(`${file} (sql)`);
      else if (reads.test(code)) entry.read.add(`${file} (sql)`);
      const namespaced = /import \* as schema/.test(code) ? `schema\\.${ident}` : null;
      if (ident && (schemaImport.includes(ident) || (namespaced && new RegExp(namespaced).test(code)))) {
        const ref = schemaImport.includes(ident) ? ident : `schema.${ident}`;
        const esc = ref.replace('.', '\\.');
        if (new RegExp(`\\.(?:insert|update|delete)\\(\\s*${esc}\\b`).test(code)) entry.write.add(`${file} (drizzle)`);
        else if (new RegExp(`\\b${esc}\\b`).test(code)) entry.read.add(`${file} (drizzle)`);
      }
    }
  }
  lines.push('', '## SQL per table (files that write it; files that only read it)');
  for (const [table, { write, read }] of [...usage].sort((a, b) => a[0].localeCompare(b[0]))) {
    // One entry per file, with the kinds of SQL it uses (`store/x.ts (drizzle, sql)`).
    const byFile = (entries) => {
      const kinds = new Map();
      for (const e of entries) {
        const [, file, kind] = /^(.*) \((\w+)\)$/.exec(e);
        kinds.set(file, [...(kinds.get(file) ?? []), kind].sort());
      }
      return kinds;
    };
    const w = byFile(write);
    const r = [...byFile(read)].filter(([file]) => !w.has(file));
    const show = (entries) => [...entries].sort((a, b) => a[0].localeCompare(b[0])).map(([f, k]) => `${f} (${k.join(', ')})`);
    lines.push(`- ${table}: ${w.size} writing, ${r.length} reading`);
    if (w.size) lines.push(`  - writes: ${show(w).join(', ')}`);
    if (r.length) lines.push(`  - reads: ${show(r).join(', ')}`);
  }
}

process.stdout.write(`${lines.join('\n')}\n`);
if (folderCycles.length > 0 || fileCycles.length > 0) process.exit(1);

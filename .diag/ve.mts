import Database from 'better-sqlite3';
import { isValidEmail, normalizeEmail } from '/work/main/src-shared/domain';
const db = new Database('/tmp/diag/base/flowbridge.db', { readonly: true });
const emails = db.prepare('select email from contacts').pluck().all() as string[];
const mode = process.argv[2];
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const c0 = cpu();
let out: string[];
if (mode === 'set') {
  const unique = new Set<string>(); const invalid: string[] = [];
  for (const raw of emails) { const e = normalizeEmail(raw); if (unique.has(e)) continue; unique.add(e); if (!isValidEmail(e)) invalid.push(e); }
  out = Array.from(unique).sort();
} else {
  const all = new Array<string>(emails.length);
  let sorted = true;
  for (let i = 0; i < emails.length; i++) { const e = normalizeEmail(emails[i]!); all[i] = e; if (sorted && i > 0 && all[i - 1]! > e) sorted = false; }
  if (!sorted) all.sort();
  out = []; const invalid: string[] = [];
  for (let i = 0; i < all.length; i++) { const e = all[i]!; if (i > 0 && all[i - 1] === e) continue; out.push(e); if (!isValidEmail(e)) invalid.push(e); }
}
console.log(mode, (cpu() - c0).toFixed(1), out.length, normalizeEmail(emails[5]!) === emails[5]);

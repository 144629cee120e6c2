import Database from 'better-sqlite3';
import { isValidEmail, normalizeEmail } from '/work/main/src-shared/domain';
const db = new Database('/tmp/diag/base/flowbridge.db', { readonly: true });
const emails = db.prepare('select email from contacts').pluck().all() as string[];
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  const norm = emails.map(normalizeEmail); const t1 = performance.now();
  const set = [...new Set(norm)]; const t2 = performance.now();
  set.sort(); const t3 = performance.now();
  const bad = set.filter((e) => !isValidEmail(e)); const t4 = performance.now();
  const list = JSON.stringify(set); const t5 = performance.now();
  const ids = db.prepare('select c.id from json_each(?) j join contacts c on c.email = j.value').pluck().all(list).map(Number); const t6 = performance.now();
  const idj = JSON.stringify(ids); const t7 = performance.now();
  const ids2 = db.prepare('select id from contacts where email in (select value from json_each(?)) order by email').pluck().all(list); const t8 = performance.now();
  const cnt = db.prepare('select count(*) from contacts where email in (select value from json_each(?))').pluck().get(list); const t9 = performance.now();
  console.log(`norm ${(t1-t).toFixed(1)} set ${(t2-t1).toFixed(1)} sort ${(t3-t2).toFixed(1)} valid ${(t4-t3).toFixed(1)} json ${(t5-t4).toFixed(1)} ids ${(t6-t5).toFixed(1)} idjson ${(t7-t6).toFixed(1)} idsOrdered ${(t8-t7).toFixed(1)} count ${(t9-t8).toFixed(1)}`, bad.length, cnt);
}

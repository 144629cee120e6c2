import Database from 'better-sqlite3';
import { cpSync, rmSync } from 'node:fs';
const mode = process.argv[2];
rmSync('/tmp/diag/m', { recursive: true, force: true }); cpSync('/tmp/diag/base', '/tmp/diag/m', { recursive: true });
const db = new Database('/tmp/diag/m/flowbridge.db');
db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL'); db.pragma('cache_size = -65536'); db.pragma('foreign_keys = ON');
db.prepare("insert into sequences (name, owner_user_id, created_at) values ('x', 1, 1)").run();
const seq = Number(db.prepare('select max(id) from sequences').pluck().get());
const emails = db.prepare('select email from contacts').pluck().all() as string[];
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const c0 = cpu(); const t0 = performance.now();
const now = Date.now();
const B = Number(process.env.B ?? 50000);
if (process.env.DROP) db.exec(`drop index ${process.env.DROP}`);
if (mode === 'email') {
  const list = JSON.stringify(emails);
  const cnt = db.prepare('select count(*) from json_each(?) j join contacts c on c.email = j.value').pluck().get(list);
  const ins = db.prepare(`insert into enrollments (contact_id, email, name, sequence_id, user_id, added_at, cap_mode, cap_sync_as, cap_job_id, cap_mapping_version, cap_disabled, cap_dedup, dedup_checked, state, awaiting_reply)
    select c.id, c.email, trim(c.first_name || ' ' || c.last_name), ?, 1, ?, 'on-add', 'candidate', null, 1, 0, 0, 0, 'queued', 0 from json_each(?) j join contacts c on c.email = j.value where true on conflict (contact_id, sequence_id) do nothing`);
  const q = db.prepare(`insert into sync_queue (enrollment_id, state, attempts, next_attempt_at, created_at, updated_at) select id, 'pending', 0, ?, ?, ? from enrollments where id > ? and +sequence_id = ? and +state = 'queued' on conflict do nothing`);
  const maxId = db.prepare('select coalesce(max(id), 0) from enrollments').pluck();
  for (let s = 0; s < emails.length; s += B) db.transaction(() => { const before = Number(maxId.get()); ins.run(seq, now, JSON.stringify(emails.slice(s, s + B))); q.run(now, now, now, before, seq); }).immediate();
} else if (mode === 'set') {
  const list = JSON.stringify(emails);
  const ids = db.prepare('select c.id from json_each(?) j join contacts c on c.email = j.value').pluck().all(list).map(Number);
  const ins = db.prepare(`insert into enrollments (contact_id, email, name, sequence_id, user_id, added_at, cap_mode, cap_sync_as, cap_job_id, cap_mapping_version, cap_disabled, cap_dedup, dedup_checked, state, awaiting_reply)
    select c.id, c.email, trim(c.first_name || ' ' || c.last_name), ?, 1, ?, 'on-add', 'candidate', null, 1, 0, 0, 0, 'queued', 0 from json_each(?) j join contacts c on c.id = j.value where true on conflict (contact_id, sequence_id) do nothing`);
  const q = db.prepare(`insert into sync_queue (enrollment_id, state, attempts, next_attempt_at, created_at, updated_at) select id, 'pending', 0, ?, ?, ? from enrollments where id > ? and +sequence_id = ? and +state = 'queued' on conflict do nothing`);
  const maxId = db.prepare('select coalesce(max(id), 0) from enrollments').pluck();
  for (let s = 0; s < ids.length; s += B) db.transaction(() => { const before = Number(maxId.get()); ins.run(seq, now, JSON.stringify(ids.slice(s, s + B))); q.run(now, now, now, before, seq); }).immediate();
} else {
  const look = db.prepare('select id, email, first_name, last_name from contacts where email = ?').raw();
  const ins = db.prepare(`insert into enrollments (contact_id, email, name, sequence_id, user_id, added_at, cap_mode, cap_sync_as, cap_job_id, cap_mapping_version, cap_disabled, cap_dedup, dedup_checked, state, awaiting_reply)
    values (?, ?, ?, ?, 1, ?, 'on-add', 'candidate', null, 1, 0, 0, 0, 'queued', 0) on conflict (contact_id, sequence_id) do nothing`);
  const q = db.prepare(`insert into sync_queue (enrollment_id, state, attempts, next_attempt_at, created_at, updated_at) values (?, 'pending', 0, ?, ?, ?)`);
  const rows = emails.map((e) => look.get(e) as [number, string, string, string]);
  const tl = performance.now();
  for (let s = 0; s < rows.length; s += 50000) db.transaction(() => {
    for (let i = s; i < Math.min(rows.length, s + 50000); i++) { const r = rows[i]!; const info = ins.run(r[0], r[1], `${r[2]} ${r[3]}`.trim(), seq, now); if (info.changes) q.run(info.lastInsertRowid, now, now, now); }
  }).immediate();
  console.log('lookup ms', (tl - t0).toFixed(1));
}
console.log(mode, 'cpu', (cpu() - c0).toFixed(0), 'wall', (performance.now() - t0).toFixed(0), db.prepare('select count(*) from sync_queue').pluck().get());

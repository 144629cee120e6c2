// The demo workspace a newcomer can load into an empty data folder: a few sequences and contacts.
// Every demo contact and sequence is marked `demo` in the database, and demo work is never queued for a
// Recruiterflow other than the built-in sandbox: invented people must not land in a real account.
import type { Ctx } from '../backend/context';
import { AppError } from '../../src-shared/result';
import { connectedToRealAccount } from './demoGuard';
import { writeContacts, type ContactValues } from './contactImport';
import { addToSequence } from './enroll';
import { dropCountsOfDeletedSequences } from '../store/enrollmentCounts';
import { setMeta } from '../store/meta';
import { createSequence } from './sequences';
import { deleteDemoSequences, markDemoSequences } from '../store/sequences';
import { deleteDemoContacts, markDemoContacts } from '../store/contacts';
import { workspaceIsEmpty } from '../store/workspace';

const PEOPLE: [string, string, string, string, string][] = [
  ['Ada', 'Okafor', 'Staff Backend Engineer', 'Northwind Labs', 'Senior'],
  ['Bruno', 'Lindqvist', 'Senior Software Engineer', 'Globex', 'Senior'],
  ['Chen', 'Wei', 'Platform Engineer', 'Initech', 'Mid'],
  ['Dana', 'Moreau', 'Backend Engineer', 'Umbrella Health', 'Mid'],
  ['Emeka', 'Adeyemi', 'Principal Engineer', 'Hooli', 'Senior'],
  ['Farah', 'Haddad', 'Site Reliability Engineer', 'Vandelay Imports', 'Mid'],
  ['Gwen', 'Takahashi', 'Engineering Manager', 'Stark Logistics', 'Senior'],
  ['Hugo', 'Brandt', 'Junior Developer', 'Pied Piper', 'Junior'],
  ['Iris', 'Novak', 'Product Designer', 'Acme Design Co', 'Senior'],
  ['Jonas', 'Weber', 'UX Designer', 'Soylent', 'Mid'],
  ['Kavya', 'Reddy', 'Design Lead', 'Wayne Digital', 'Senior'],
  ['Luca', 'Romano', 'Interaction Designer', 'Cyberdyne', 'Mid'],
  ['Maya', 'Cohen', 'Product Designer', 'Tyrell Studio', 'Junior'],
  ['Nils', 'Berg', 'Visual Designer', 'Oceanic', 'Mid'],
  ['Olivia', 'Grant', 'VP Engineering', 'Fintrust Bank', 'Senior'],
  ['Pedro', 'Alves', 'Head of Talent', 'Ledgerly', 'Senior'],
  ['Quinn', 'Murphy', 'CTO', 'PayNest', 'Senior'],
  ['Rosa', 'Jimenez', 'Talent Partner', 'CoinForge', 'Mid'],
];

export async function loadDemo(ctx: Ctx): Promise<{ contacts: number; sequences: number }> {
  if (connectedToRealAccount(ctx)) {
    throw new AppError(
      'forbidden',
      'The demo workspace cannot be loaded while connected to a real Recruiterflow account: its invented people would be synced into it. Disconnect, or use the Sandbox.',
    );
  }
  if (!workspaceIsEmpty(ctx.sqlite)) throw new AppError('conflict', 'The demo workspace can only be loaded into an empty data folder');
  const contacts: ContactValues[] = PEOPLE.map(([first, last, title, company, seniority]) => ({
    email: `${first}.${last}@${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`.toLowerCase(),
    fields: {
      first_name: first,
      last_name: last,
      title,
      company,
      location: 'Remote',
      linkedin_url: `https://www.linkedin.com/in/${first}-${last}`.toLowerCase(),
    },
    extra: { seniority, demo: 'yes' },
  }));
  writeContacts(ctx, contacts);
  const engineers = createSequence(ctx, { name: 'Demo · Senior backend engineers' });
  const designers = createSequence(ctx, { name: 'Demo · Product designers (sync on reply)', syncMode: 'on-reply' });
  const clients = createSequence(ctx, { name: 'Demo · Fintech hiring managers', syncAs: 'contact' });
  // Marked before anything is added, so no demo enrollment is ever queued for a real account.
  markDemoContacts(
    ctx.sqlite,
    contacts.map((c) => c.email),
  );
  markDemoSequences(ctx, [engineers.id, designers.id, clients.id].map(Number));
  await addToSequence(
    ctx,
    engineers.id,
    contacts.slice(0, 8).map((c) => c.email),
  );
  await addToSequence(
    ctx,
    designers.id,
    contacts.slice(8, 14).map((c) => c.email),
  );
  await addToSequence(
    ctx,
    clients.id,
    contacts.slice(14).map((c) => c.email),
  );
  setMeta(ctx, 'demo', 'loaded');
  ctx.events.emit('data:changed', { what: 'contacts' });
  return { contacts: contacts.length, sequences: 3 };
}

/** Removes every demo contact and sequence, with their enrollments and queue items (cascades). */
export function removeDemo(ctx: Pick<Ctx, 'db' | 'events' | 'sqlite'>): { contacts: number; sequences: number } {
  const removed = ctx.sqlite.transaction(() => {
    // Queue items of demo work cascade from their enrollments; an item being sent right now finishes first.
    const sequences = deleteDemoSequences(ctx);
    const contacts = deleteDemoContacts(ctx.sqlite);
    dropCountsOfDeletedSequences(ctx.sqlite);
    return { contacts, sequences };
  })();
  setMeta(ctx, 'demo', null);
  ctx.events.emit('data:changed', { what: 'contacts' });
  ctx.events.emit('data:changed', { what: 'sequences' });
  ctx.events.emit('queue:changed', { reason: 'demo removed' });
  return removed;
}

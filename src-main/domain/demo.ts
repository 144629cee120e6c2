// The demo workspace a newcomer can load into an empty data folder: a few sequences and contacts.
import type { Ctx } from '../backend/context';
import { AppError } from '../../src-shared/result';
import { writeContacts, type ContactValues } from './contactImport';
import { addToSequence } from './enroll';
import { setMeta } from './meta';
import { createSequence } from './sequences';

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
  const used = ctx.sqlite.prepare('select (select count(*) from contacts) + (select count(*) from sequences) as n').pluck().get() as number;
  if (used > 0) throw new AppError('conflict', 'The demo workspace can only be loaded into an empty data folder');
  const contacts: ContactValues[] = PEOPLE.map(([first, last, title, company, seniority]) => ({
    email: `${first}.${last}@${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`.toLowerCase(),
    fields: { first_name: first, last_name: last, title, company, location: 'Remote', linkedin_url: `https://www.linkedin.com/in/${first}-${last}`.toLowerCase() },
    extra: { seniority, demo: 'yes' },
  }));
  writeContacts(ctx, contacts);
  const engineers = createSequence(ctx, { name: 'Demo · Senior backend engineers' });
  const designers = createSequence(ctx, { name: 'Demo · Product designers (sync on reply)', syncMode: 'on-reply' });
  const clients = createSequence(ctx, { name: 'Demo · Fintech hiring managers', syncAs: 'contact' });
  await addToSequence(ctx, engineers.id, contacts.slice(0, 8).map((c) => c.email));
  await addToSequence(ctx, designers.id, contacts.slice(8, 14).map((c) => c.email));
  await addToSequence(ctx, clients.id, contacts.slice(14).map((c) => c.email));
  setMeta(ctx, 'demo', 'loaded');
  ctx.events.emit('data:changed', { what: 'contacts' });
  return { contacts: contacts.length, sequences: 3 };
}

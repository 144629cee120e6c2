// Check before create, the way Recruiterflow's own duplicate check works: a record with the contact's
// LinkedIn URL or phone number is the same person as far as Recruiterflow is concerned, even under
// another email. Such a record is never linked silently (it may be a namesake's old number) and never
// duplicated either: the enrollment is flagged "Possible match in Recruiterflow" with the record, and
// the recruiter links or creates (domain/flagResolution.ts).
import type { FlagMatch, IdentityField, SyncAs } from '../../src-shared/domain';
import type { RecruiterflowClient } from '../recruiterflow';
import type { IdentityKey } from '../recruiterflow/identity';
import { identityOf } from '../recruiterflow/identity';
import type { Prospect } from '../recruiterflow/types';

/** What the check needs of a claimed item. */
export interface IdentitySubject {
  enrollmentId: number;
  email: string;
  syncAs: SyncAs;
  contact: { phone: string; linkedin_url: string };
  /** The recruiter chose "Create a new record" (or a profile of the other type too): no check. */
  createAnyway: boolean;
}

const FIELDS: { key: IdentityKey; field: IdentityField; value: (s: IdentitySubject) => string }[] = [
  { key: 'linkedin_profile', field: 'linkedin', value: (s) => s.contact.linkedin_url },
  { key: 'phone_number', field: 'phone', value: (s) => s.contact.phone },
];

/**
 * Looks up, in batches (one search per 100 values and object type), the LinkedIn URLs and phones of the
 * items that neither a link nor the email lookup matched, among records of the type each item syncs as.
 * Returns the evidence per enrollment that has a possible match. Reads only.
 */
export async function findPossibleMatches(
  client: RecruiterflowClient,
  items: IdentitySubject[],
  isMatchedByEmail: (item: IdentitySubject) => boolean,
  retry: <T>(call: () => Promise<T>) => Promise<T>,
): Promise<Map<number, FlagMatch[]>> {
  const todo = items.filter((i) => !i.createAnyway && !isMatchedByEmail(i));
  const out = new Map<number, FlagMatch[]>();
  // Every (record type, key) search at once: they are independent reads, and each round trip waited for
  // here holds back the creates of the whole batch.
  const searches = (['candidate', 'contact'] as const).flatMap((object) =>
    FIELDS.map((f) => ({ object, f, ofType: todo.filter((i) => i.syncAs === object) })),
  );
  const results = await Promise.all(
    searches.map(({ object, f, ofType }) => {
      const values = ofType.map(f.value).filter((v) => identityOf(f.key, v) !== '');
      return values.length === 0 ? Promise.resolve(null) : retry(() => client.findByIdentity(f.key, values, object));
    }),
  );
  for (const [n, { f, ofType }] of searches.entries()) {
    const found = results[n];
    if (!found) continue;
    for (const item of ofType) {
      const id = identityOf(f.key, f.value(item));
      const records = id ? found.get(id) : undefined;
      if (!records) continue;
      const list = out.get(item.enrollmentId) ?? [];
      for (const r of records) if (!list.some((m) => m.id === r.id)) list.push(evidence(r, item, f.field, f.value(item)));
      out.set(item.enrollmentId, list);
    }
  }
  return out;
}

function evidence(record: Prospect, item: IdentitySubject, field: IdentityField, value: string): FlagMatch {
  // No email of the record is the contact's: matchedEmail names the contact's, which the record lacks.
  return {
    type: record.type,
    id: record.id,
    name: record.name,
    emails: record.emails,
    matchedEmail: item.email,
    matchedOn: field,
    matchedValue: value.trim(),
  };
}

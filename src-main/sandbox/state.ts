// The sandbox's data: prospects (candidates and contacts share one id sequence, as in
// Recruiterflow), jobs, custom-field definitions, users and a log of creates. Inspectable by tests.
import type {
  CreateLogEntry,
  ProspectType,
  SandboxCustomField,
  SandboxJob,
  SandboxUser,
  StoredProspect,
} from './types';

const FIRST_PROSPECT_ID = 2001;

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits only (a leading + kept), so "+1 555 0100" and "+15550100" collide. */
function phoneKey(phone: string): string {
  const t = phone.trim();
  return (t.startsWith('+') ? '+' : '') + t.replace(/\D/g, '');
}

export class SandboxState {
  readonly prospects = new Map<number, StoredProspect>();
  jobs: SandboxJob[] = [];
  customFields: Record<ProspectType, SandboxCustomField[]> = { candidate: [], contact: [] };
  users: SandboxUser[] = [];
  readonly createLog: CreateLogEntry[] = [];
  nextProspectId = FIRST_PROSPECT_ID;
  private readonly emailOwner = new Map<string, number>();
  private readonly phoneOwner = new Map<string, number>();

  clear(): void {
    this.prospects.clear();
    this.emailOwner.clear();
    this.phoneOwner.clear();
    this.jobs = [];
    this.customFields = { candidate: [], contact: [] };
    this.users = [];
    this.createLog.length = 0;
    this.nextProspectId = FIRST_PROSPECT_ID;
  }

  /** The prospect holding this email (case-insensitive), if any. */
  ownerOfEmail(email: string): number | undefined {
    return this.emailOwner.get(emailKey(email));
  }

  ownerOfPhone(phone: string): number | undefined {
    const k = phoneKey(phone);
    return k === '' || k === '+' ? undefined : this.phoneOwner.get(k);
  }

  /** Exact, case-insensitive lookup: for tests and the admin endpoint. */
  findByEmail(email: string): StoredProspect | undefined {
    const id = this.ownerOfEmail(email);
    return id === undefined ? undefined : this.prospects.get(id);
  }

  job(id: number): SandboxJob | undefined {
    return this.jobs.find((j) => j.id === id);
  }

  takeId(): number {
    return this.nextProspectId++;
  }

  insert(p: StoredProspect): void {
    this.prospects.set(p.id, p);
    this.index(p);
  }

  setEmails(p: StoredProspect, emails: StoredProspect['email']): void {
    for (const e of p.email) if (this.emailOwner.get(emailKey(e.email)) === p.id) this.emailOwner.delete(emailKey(e.email));
    p.email = emails;
    this.index(p);
  }

  setPhones(p: StoredProspect, phones: StoredProspect['phone_number']): void {
    for (const x of p.phone_number) if (this.phoneOwner.get(phoneKey(x.phone_number)) === p.id) this.phoneOwner.delete(phoneKey(x.phone_number));
    p.phone_number = phones;
    this.index(p);
  }

  private index(p: StoredProspect): void {
    for (const e of p.email) this.emailOwner.set(emailKey(e.email), p.id);
    for (const x of p.phone_number) {
      const k = phoneKey(x.phone_number);
      if (k !== '' && k !== '+') this.phoneOwner.set(k, p.id);
    }
  }

  counts(): { prospects: number; candidates: number; contacts: number; jobs: number; creates: number } {
    let candidates = 0;
    for (const p of this.prospects.values()) if (p.type === 'candidate') candidates++;
    return {
      prospects: this.prospects.size,
      candidates,
      contacts: this.prospects.size - candidates,
      jobs: this.jobs.length,
      creates: this.createLog.length,
    };
  }
}

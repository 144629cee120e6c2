// The sandbox's data: prospects (candidates and contacts share one id sequence, as in
// Recruiterflow), jobs, custom-field definitions, users and a log of creates. Inspectable by tests.
import type {
  CreateLogEntry,
  ProspectType,
  SandboxCustomField,
  SandboxJob,
  SandboxUser,
  StageMove,
  StoredNote,
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
  /** Notes added through candidate/notes/add and contact/notes/add. */
  readonly notes: StoredNote[] = [];
  /** Every move-to-stage that moved a candidate, in order. */
  readonly stageMoves: StageMove[] = [];
  nextProspectId = FIRST_PROSPECT_ID;
  /** Records deleted or merged away (sandbox/gone.ts): survivor null when deleted. */
  readonly gone = new Map<number, { type: ProspectType; survivor: number | null }>();
  // Keyed by `type:email` (and `type:phone`): an email is unique among candidates and among contacts, but
  // one person can have a candidate and a contact profile with the same email, as in Recruiterflow.
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
    this.notes.length = 0;
    this.stageMoves.length = 0;
    this.gone.clear();
    this.nextProspectId = FIRST_PROSPECT_ID;
  }

  /** The prospect of this type holding this email (case-insensitive), if any; without a type, the candidate first. */
  ownerOfEmail(email: string, type?: ProspectType): number | undefined {
    if (type) return this.emailOwner.get(`${type}:${emailKey(email)}`);
    return this.ownerOfEmail(email, 'candidate') ?? this.ownerOfEmail(email, 'contact');
  }

  ownerOfPhone(phone: string, type: ProspectType): number | undefined {
    const k = phoneKey(phone);
    return k === '' || k === '+' ? undefined : this.phoneOwner.get(`${type}:${k}`);
  }

  /** Exact, case-insensitive lookup: for tests and the admin endpoint (the candidate first, with no type). */
  findByEmail(email: string, type?: ProspectType): StoredProspect | undefined {
    const id = this.ownerOfEmail(email, type);
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
    for (const e of p.email)
      if (this.emailOwner.get(`${p.type}:${emailKey(e.email)}`) === p.id) this.emailOwner.delete(`${p.type}:${emailKey(e.email)}`);
    p.email = emails;
    this.index(p);
  }

  setPhones(p: StoredProspect, phones: StoredProspect['phone_number']): void {
    for (const x of p.phone_number)
      if (this.phoneOwner.get(`${p.type}:${phoneKey(x.phone_number)}`) === p.id)
        this.phoneOwner.delete(`${p.type}:${phoneKey(x.phone_number)}`);
    p.phone_number = phones;
    this.index(p);
  }

  private index(p: StoredProspect): void {
    for (const e of p.email) this.emailOwner.set(`${p.type}:${emailKey(e.email)}`, p.id);
    for (const x of p.phone_number) {
      const k = phoneKey(x.phone_number);
      if (k !== '' && k !== '+') this.phoneOwner.set(`${p.type}:${k}`, p.id);
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

// Shapes the rest of the app sees: normalized records and the Recruiterflow write body.

export type ProspectObject = 'candidate' | 'contact';

/** A candidate or contact as read from Recruiterflow, normalized. */
export interface Prospect {
  id: number;
  type: ProspectObject;
  name: string;
  /** Lower-cased, trimmed, without blanks or "None". */
  emails: string[];
  phones: string[];
  jobIds: number[];
  /** The record as received, with the string "None" turned into null. */
  raw: Record<string, unknown>;
}

export interface EmailInput {
  email: string;
  is_primary: 0 | 1;
}

export interface PhoneInput {
  phone_number: string;
  /** Phone type id from reference/phone-types: 1 Mobile, 2 Home, 3 Work, 4 Other. */
  type: number;
}

interface LocationInput {
  location?: string;
  city?: string;
  state?: string;
  country?: string;
  postal_code?: string;
}

/** The body of candidate/add, contact/add and (plus `id`) the update endpoints. */
export interface ProspectInput {
  name?: string;
  first_name?: string;
  last_name?: string;
  email?: EmailInput[];
  phone_number?: PhoneInput[];
  title?: string;
  organization?: string;
  client_company?: string;
  linkedin_profile?: string;
  source?: string;
  tags?: string[];
  skills?: string[];
  location?: LocationInput;
  custom_fields?: { id: number; value: unknown }[];
  [k: string]: unknown;
}

// One HTTP call described as data: declared once, in the contract, as the queue preview sends it to the UI.
export type { PlannedRequest } from '../../src-shared/contract';

export interface JobDetail {
  id: number;
  name: string;
  isOpen: boolean;
  stages: { id: number; name: string; rank: number }[];
}

export interface RfUser {
  id: number;
  email: string;
  name: string;
}

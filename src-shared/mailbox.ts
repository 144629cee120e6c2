// The mailbox (reply detection) vocabulary shared by the backend, the command line and the UI.
// No Node, DOM or Electron imports here.

export const MAILBOX_SECURITY = ['tls', 'starttls', 'none'] as const;
export type MailboxSecurity = (typeof MAILBOX_SECURITY)[number];

export type MailboxState = 'idle' | 'scanning' | 'unreachable' | 'auth_failed';

export type ReplyKind = 'reply' | 'auto_reply' | 'bounce';

export interface MailboxPreset {
  id: 'gmail' | 'outlook' | 'icloud' | 'fastmail' | 'custom';
  label: string;
  host: string;
  port: number;
  security: MailboxSecurity;
  /** One line on the password to use. */
  hint: string;
}

export const MAILBOX_PRESETS: readonly MailboxPreset[] = [
  {
    id: 'gmail',
    label: 'Gmail',
    host: 'imap.gmail.com',
    port: 993,
    security: 'tls',
    hint: 'Use an app password (Google Account → Security → 2-Step Verification → App passwords), not your Google password.',
  },
  {
    id: 'outlook',
    label: 'Outlook',
    host: 'outlook.office365.com',
    port: 993,
    security: 'tls',
    hint: 'Outlook.com and Microsoft 365 accept only OAuth2 sign-in for IMAP, which Flowbridge does not offer yet; an Exchange server with basic auth allowed works with its password.',
  },
  {
    id: 'icloud',
    label: 'iCloud',
    host: 'imap.mail.me.com',
    port: 993,
    security: 'tls',
    hint: 'Use an app-specific password (appleid.apple.com → Sign-In and Security → App-Specific Passwords); the user is your full iCloud address.',
  },
  {
    id: 'fastmail',
    label: 'Fastmail',
    host: 'imap.fastmail.com',
    port: 993,
    security: 'tls',
    hint: 'Use an app password with IMAP access (Settings → Privacy & Security → App passwords).',
  },
  {
    id: 'custom',
    label: 'Other server',
    host: '',
    port: 993,
    security: 'tls',
    hint: 'Your provider’s IMAP host; a self-hosted server may need its CA certificate file.',
  },
];

export interface MailboxStatus {
  connected: boolean;
  host: string | null;
  port: number | null;
  security: MailboxSecurity | null;
  user: string | null;
  folder: string | null;
  caFile: string | null;
  state: MailboxState | null;
  /** Why it is unreachable or refused, in words. */
  message: string | null;
  lastScanAt: number | null;
  /** Replies, auto-replies and bounces recorded from the mailbox. */
  counts: { replies: number; autoReplies: number; bounces: number };
  /** "Add a note to the Recruiterflow record when a synced contact replies". */
  notes: boolean;
  /** Live watching (IDLE or polling) runs in this process. */
  live: boolean;
}

export interface ScanCounts {
  scanned: number;
  replies: number;
  autoReplies: number;
  bounces: number;
  ignored: number;
}

export interface ReplyEntry {
  at: number;
  subject: string;
  kind: ReplyKind;
  source: 'mailbox' | 'manual';
  from: string;
  snippet: string;
  /** An out-of-office's return date (YYYY-MM-DD), when it names one. */
  returnDate: string | null;
}

export interface ContactReplies {
  email: string;
  replies: ReplyEntry[];
  bounced: boolean;
}

export interface RepliesPerDay {
  day: string;
  replies: number;
  autoReplies: number;
  bounces: number;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/** Plain IMAP (no TLS) is only allowed to this machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host.trim());
}

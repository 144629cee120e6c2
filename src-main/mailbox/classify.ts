// What a message from the mailbox is: a reply, an auto-reply (with the return date it names) or a
// bounce. Pure functions over already-parsed headers and text; the scan (scan.ts) does the I/O.
import type { ReplyKind } from '../../src-shared/mailbox';

export interface MessageFacts {
  from: string;
  subject: string;
  /** Header names lower-cased; the first value of each. */
  headers: Map<string, string>;
  /** The whole Content-Type value, e.g. `multipart/report; report-type=delivery-status; boundary=...`. */
  contentType: string;
  text: string;
}

const AUTO_PRECEDENCE = new Set(['auto_reply', 'bulk', 'junk']);

/** The out-of-office subjects of English, German, French and Spanish mail clients and servers. */
const AUTO_SUBJECTS = [
  // English
  /\bout of (the )?office\b/i,
  /\bautomatic reply\b/i,
  /\bauto(matic)?[- ]?(reply|response|responder)\b/i,
  /\baway from (the )?office\b/i,
  /\b(on )?(vacation|holiday|annual leave)[: ]+(reply|notice|message|auto)/i,
  /\bout of the office\b/i,
  // German
  /\babwesenheitsnotiz\b/i,
  /\bautomatische antwort\b/i,
  /\bnicht im büro\b/i,
  /\baußer haus\b/i,
  /\babwesend\b/i,
  // French
  /\babsen(ce|t)e? du bureau\b/i,
  /\bréponse automatique\b/i,
  /\bmessage d['’]absence\b/i,
  /\bhors du bureau\b/i,
  // Spanish
  /\brespuesta autom[aá]tica\b/i,
  /\bfuera de (la )?oficina\b/i,
  /\bausente de la oficina\b/i,
  /\bmensaje de ausencia\b/i,
];

export function isAutoReply(facts: Pick<MessageFacts, 'headers' | 'subject'>): boolean {
  const h = facts.headers;
  const autoSubmitted = h.get('auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted.trim().toLowerCase() !== 'no') return true;
  if (h.has('x-autoreply') || h.has('x-autorespond')) return true;
  const precedence = h.get('precedence')?.trim().toLowerCase();
  if (precedence !== undefined && AUTO_PRECEDENCE.has(precedence)) return true;
  return AUTO_SUBJECTS.some((re) => re.test(facts.subject));
}

const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;

export function isBounce(facts: Pick<MessageFacts, 'from' | 'contentType'>): boolean {
  if (BOUNCE_SENDER.test(facts.from.trim())) return true;
  const ct = facts.contentType.toLowerCase();
  return ct.startsWith('multipart/report') && /report-type\s*=\s*"?delivery-status"?/.test(ct);
}

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/**
 * Who a bounce is about: its DSN `Final-Recipient` (or `Original-Recipient`), else an
 * `X-Failed-Recipients` header, else every address the text names (the caller keeps known contacts).
 */
export function bouncedRecipients(raw: string, headers: Map<string, string>): { certain: string[]; mentioned: string[] } {
  const certain = new Set<string>();
  for (const m of raw.matchAll(/^(?:Final|Original)-Recipient:\s*rfc822\s*;\s*<?([^\s>]+@[^\s>]+?)>?\s*$/gim))
    certain.add(m[1]!.toLowerCase());
  const failed = headers.get('x-failed-recipients');
  if (failed) for (const m of failed.matchAll(EMAIL)) certain.add(m[0].toLowerCase());
  const mentioned = new Set<string>();
  for (const m of raw.matchAll(EMAIL)) mentioned.add(m[0].toLowerCase());
  return { certain: [...certain], mentioned: [...mentioned] };
}

export function classify(facts: MessageFacts): ReplyKind {
  if (isBounce(facts)) return 'bounce';
  if (isAutoReply(facts)) return 'auto_reply';
  return 'reply';
}

/** At most 200 characters of what the person wrote: quoted text and signatures' separators cut off. */
export function snippetOf(text: string): string {
  const kept: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t.startsWith('>')) continue;
    // "On Mon, 7 Dec 2026 at 10:00, Ann <ann@x.co> wrote:" and its German, French and Spanish forms.
    if (/^(on|am|le|el)\b.{0,200}(wrote|schrieb|a écrit|escribió)([^:]{0,200})?:\s*$/i.test(t)) break;
    if (t === '--' || /^-{2,}\s*original message\s*-{2,}$/i.test(t)) break;
    kept.push(t);
  }
  const flat = kept.join(' ').replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

const MONTHS: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [1, ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene']],
  [2, ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'febrero']],
  [3, ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo']],
  [4, ['april', 'apr', 'avril', 'abril', 'abr']],
  [5, ['may', 'mai', 'mayo']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio']],
  [7, ['july', 'jul', 'juli', 'juillet', 'julio']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre']],
  [11, ['november', 'nov', 'novembre', 'noviembre']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'diciembre', 'dic']],
];
for (const [n, names] of monthNames) for (const name of names) MONTHS[name] = n;
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

/** Words that introduce the day someone is back, in the four languages. */
const BACK =
  /\b(back|return(ing)?|returns|in the office|until|till|through|zurück|wieder|ab dem|bis( zum)?|retour|rentre|jusqu['’]au|de vuelta|regres(o|aré|are)|vuelvo|volveré|hasta( el)?)\b/gi;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The return date an out-of-office names ("back on Monday, 7 December", "zurück am 7. Dezember",
 * "de retour le 7 décembre", "de vuelta el 7 de diciembre", "until 2026-12-07", "bis 07.12.2026"),
 * as YYYY-MM-DD. Without a year, the first such day on or after the message's date.
 */
export function returnDate(text: string, sentAt: number): string | null {
  const sent = new Date(sentAt);
  const forms: { re: RegExp; read: (m: RegExpMatchArray) => [number | null, number, number] }[] = [
    { re: /^(\d{4})-(\d{2})-(\d{2})/, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
    // 7 December (2026), 7. Dezember, 7 de diciembre de 2026
    {
      re: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?${MONTH}(?:,?\\s+(?:de\\s+)?(\\d{4}))?`, 'i'),
      read: (m) => [m[3] ? Number(m[3]) : null, MONTHS[m[2]!.toLowerCase()]!, Number(m[1])],
    },
    // December 7(th)(, 2026)
    {
      re: new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`, 'i'),
      read: (m) => [m[3] ? Number(m[3]) : null, MONTHS[m[1]!.toLowerCase()]!, Number(m[2])],
    },
    // 07.12.2026, 7/12/2026: day first, as in most of Europe (the US order only when the day is > 12)
    {
      re: /^(\d{1,2})[./](\d{1,2})[./](\d{2,4})/,
      read: (m) => {
        let [a, b] = [Number(m[1]), Number(m[2])];
        if (b > 12 && a <= 12) [a, b] = [b, a];
        const y = Number(m[3]);
        return [y < 100 ? 2000 + y : y, b, a];
      },
    },
  ];
  for (const back of text.matchAll(BACK)) {
    const after = text.slice((back.index ?? 0) + back[0].length, (back.index ?? 0) + back[0].length + 80);
    // Skip filler: "on", "am", "le", "el", "the", a weekday name and commas.
    const rest = after.replace(
      /^(\s|,|on|am|le|el|the|at|in|office|the office|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)+/i,
      '',
    );
    for (const form of forms) {
      const m = rest.match(form.re);
      if (!m) continue;
      const [year, month, day] = form.read(m);
      let y = year ?? sent.getUTCFullYear();
      if (year === null && Date.UTC(y, month - 1, day) < Date.UTC(sent.getUTCFullYear(), sent.getUTCMonth(), sent.getUTCDate())) y += 1;
      if (valid(y, month, day)) return `${y}-${pad(month)}-${pad(day)}`;
    }
  }
  return null;
}

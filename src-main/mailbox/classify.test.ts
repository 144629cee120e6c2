// The pure parts of reply detection: auto-reply subjects, return dates, bounce recipients and snippets.
import { describe, expect, it } from 'vitest';
import { bouncedRecipients, isAutoReply, isBounce, returnDate, snippetOf } from './classify';

const SENT = Date.UTC(2026, 10, 29, 10, 0, 0); // Sunday 29 November 2026
const none = new Map<string, string>();

describe('auto-replies', () => {
  it.each([
    'Out of Office: Re: Backend role',
    'Automatic reply: Backend role',
    'Auto-Reply: role',
    'Abwesenheitsnotiz: Re: Stelle',
    'Automatische Antwort: Stelle',
    'Réponse automatique : poste',
    'Absence du bureau',
    'Respuesta automática: puesto',
    'Fuera de la oficina',
  ])('"%s" is an auto-reply', (subject) => expect(isAutoReply({ subject, headers: none })).toBe(true));

  it.each(['Re: Backend role', 'Happy to talk', 'Re: office hours next week'])('"%s" is a person', (subject) =>
    expect(isAutoReply({ subject, headers: none })).toBe(false),
  );

  it('reads the headers: Auto-Submitted other than no, X-Autoreply, X-Autorespond, Precedence auto_reply/bulk/junk', () => {
    const h = (k: string, v: string) => ({ subject: 'Re: role', headers: new Map([[k, v]]) });
    expect(isAutoReply(h('auto-submitted', 'auto-replied'))).toBe(true);
    expect(isAutoReply(h('auto-submitted', 'No'))).toBe(false);
    expect(isAutoReply(h('x-autoreply', 'yes'))).toBe(true);
    expect(isAutoReply(h('x-autorespond', ''))).toBe(true);
    for (const p of ['auto_reply', 'bulk', 'junk']) expect(isAutoReply(h('precedence', p))).toBe(true);
    expect(isAutoReply(h('precedence', 'list'))).toBe(false);
  });
});

describe('return dates', () => {
  it.each([
    ['I am back on Monday, 7 December.', '2026-12-07'],
    ['Back on December 7th', '2026-12-07'],
    ['I will return on 3 January', '2027-01-03'],
    ['Out until 2026-12-15.', '2026-12-15'],
    ['Ich bin ab dem 14. Dezember wieder im Büro.', '2026-12-14'],
    ['Zurück am 07.12.2026', '2026-12-07'],
    ['Je serai de retour le 21 décembre.', '2026-12-21'],
    ['Estaré de vuelta el 28 de diciembre de 2026.', '2026-12-28'],
  ])('"%s" → %s', (text, date) => expect(returnDate(text, SENT)).toBe(date));

  it('names none when there is none', () => {
    expect(returnDate('I am travelling with limited access to email.', SENT)).toBeNull();
    expect(returnDate('Back on 31 February', SENT)).toBeNull();
  });
});

describe('bounces', () => {
  it('come from mailer-daemon/postmaster or are delivery-status reports', () => {
    expect(isBounce({ from: 'MAILER-DAEMON@mx.example', contentType: 'text/plain' })).toBe(true);
    expect(isBounce({ from: 'postmaster@example.com', contentType: 'text/plain' })).toBe(true);
    expect(isBounce({ from: 'x@y.z', contentType: 'multipart/report; report-type="delivery-status"; boundary=b' })).toBe(true);
    expect(isBounce({ from: 'x@y.z', contentType: 'multipart/report; report-type=disposition-notification' })).toBe(false);
  });

  it('name the recipient from Final-Recipient first, else the addresses mentioned', () => {
    const raw = 'Reporting-MTA: dns; mx\r\nFinal-Recipient: rfc822; Ann@X.co\r\nAction: failed\r\nsee bob@y.co';
    expect(bouncedRecipients(raw, none).certain).toEqual(['ann@x.co']);
    expect(bouncedRecipients('could not deliver to bob@y.co', none)).toEqual({ certain: [], mentioned: ['bob@y.co'] });
  });
});

describe('snippets', () => {
  it('keep what the person wrote, at most 200 characters, without the quoted mail', () => {
    expect(snippetOf('Sounds good!\n\nOn Mon, 7 Dec 2026, Ann <a@x.co> wrote:\n> earlier')).toBe('Sounds good!');
    expect(snippetOf('Klingt gut.\nAm 7.12.2026 schrieb Ann:\n> alt')).toBe('Klingt gut.');
    expect(snippetOf('x'.repeat(500))).toHaveLength(200);
  });
});

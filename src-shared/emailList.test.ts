// Pasting emails as they come from a mail client's To: line or a spreadsheet column.
import { describe, expect, it } from 'vitest';
import { parseEmailList } from './emailList';

describe('parseEmailList', () => {
  it('takes the address out of "Name" <address> and Name <address>', () => {
    expect(parseEmailList('"Fay" <fay@example.com>')).toEqual({ emails: ['fay@example.com'], invalid: [] });
    expect(parseEmailList('Fay Smith <Fay@Example.com>, "Doe, Jane" <jane@example.com>; bob@example.com')).toEqual({
      emails: ['fay@example.com', 'jane@example.com', 'bob@example.com'],
      invalid: [],
    });
  });

  it('splits on lines, commas, semicolons and spaces, keeps each address once, and lists what is not an email', () => {
    const parsed = parseEmailList('a@x.co\nb@x.co c@x.co\r\nA@X.CO;\n\nnot-an-email, mailto:d@x.co');
    expect(parsed.emails).toEqual(['a@x.co', 'b@x.co', 'c@x.co', 'd@x.co']);
    expect(parsed.invalid).toEqual(['not-an-email']);
  });

  it('reports a bracketed address that is not one', () => {
    expect(parseEmailList('"Fay" <fay-at-example>')).toEqual({ emails: [], invalid: ['fay-at-example'] });
  });
});

// Settings → Mailbox against a real Dovecot: connect, then a reply put in the mailbox appears on the
// contact and its on-reply sync happens by itself (the running app watches the mailbox with IDLE).
import { dovecotUnavailable, rawMessage, startDovecot, type Dovecot } from '../src-main/testing/dovecot';
import { expect, openApp, test } from './fixtures';
import { seriousViolations, useReducedMotion } from './helpers';

const skip = dovecotUnavailable();
let dovecot: Dovecot | null = null;

test.beforeAll(async () => {
  if (skip) console.log(`mailbox e2e skipped: ${skip}`);
  else dovecot = await startDovecot();
});
test.afterAll(async () => dovecot?.stop());

test('connect a mailbox in Settings; a reply shows on the contact and its on-reply sync happens', async ({ page, app }) => {
  test.skip(skip !== null, skip ?? '');
  const d = dovecot!;
  // No transitions: the drawer is checked for contrast once it is in place, not while it slides in.
  await useReducedMotion(page);
  await app.useSandbox();
  await app.api('contacts:import', { csv: 'email,first_name,last_name\nrita@example.test,Rita,Moreno\n' });
  const seq = await app.api('sequences:create', { name: 'Replies only', syncMode: 'on-reply' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['rita@example.test'] });

  await openApp(page, app, '/settings/mailbox');
  await expect(page.getByTestId('mailbox-state')).toHaveText('Mailbox not connected');
  await expect(page.getByTestId('mailbox-hint')).toContainText('app password');
  await page.getByText('Other server').click();
  await page.getByLabel('IMAP server').fill(d.host);
  await page.getByLabel('Port').fill(String(d.tlsPort));
  await page.getByLabel('User').fill(d.user);
  await page.getByLabel('Password (an app password)').fill('wrong-password');
  await page.getByLabel('CA certificate file (self-hosted servers)').fill(d.caFile);
  await page.getByRole('button', { name: 'Test and connect' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /refused the user name or password/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByTestId('mailbox-state')).toHaveText('Mailbox not connected');

  await page.getByLabel('Password (an app password)').fill(d.password);
  await page.getByRole('button', { name: 'Test and connect' }).click();
  await expect(page.getByTestId('mailbox-state')).toHaveText('Mailbox: watching');
  await expect(page.getByTestId('status-mailbox')).toHaveText('Mailbox: watching');
  await expect(page.getByLabel('Password (an app password)')).toHaveValue('');
  expect(await seriousViolations(page, {})).toEqual([]);

  await d.append(
    rawMessage({
      from: 'Rita Moreno <rita@example.test>',
      subject: 'Re: Staff engineer role',
      body: 'Sounds interesting, call me Friday.',
      date: new Date(Date.now() + 2000),
    }),
  );
  await expect(page.getByTestId('mailbox-counts')).toContainText('1 reply', { timeout: 15_000 });

  await page.evaluate(`location.hash = ${JSON.stringify(`/sequences/${seq.id}`)}`);
  await page.getByRole('button', { name: 'rita@example.test' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('contact-replies')).toContainText('Re: Staff engineer role');
  await expect(drawer.getByTestId('contact-replies')).toContainText('Sounds interesting, call me Friday.');
  // The on-reply sync ran by itself: the contact is linked to its new Recruiterflow record.
  await expect(drawer.getByText('Not linked to a Recruiterflow record yet.')).toHaveCount(0, { timeout: 15_000 });
  await expect(drawer.getByText(/^#\d+$/)).toBeVisible();
  expect(await seriousViolations(page, { within: '[role="dialog"]' })).toEqual([]);
});

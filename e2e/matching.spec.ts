import { expect, openApp, test } from './fixtures';
import { importContacts, waitForState } from './helpers';

// Erin Existing, a candidate the sandbox Recruiterflow holds, has the phone +1 555 0100 under existing@acme.example.
test('a possible match by phone is resolved both ways: linked to the record, or created as a new one', async ({ page, app }) => {
  await app.useSandbox();
  await importContacts(app, ['erin.home@example.com', 'erin.namesake@example.com'], { phone: ['1 (555) 0100', '+1-555-0100'] });
  const seq = await app.api('sequences:create', { name: 'Phones' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['erin.home@example.com', 'erin.namesake@example.com'] });
  await waitForState(app, seq.id, 'flagged', 2);

  await openApp(page, app, `/sequences/${seq.id}`);
  const table = page.getByRole('table', { name: 'Contacts in this sequence' });

  const same = table.getByRole('row', { name: /erin\.home@example\.com/ });
  await same.getByRole('button', { name: 'Possible match in Recruiterflow' }).click();
  let popover = page.getByRole('dialog', { name: 'Possible match in Recruiterflow' });
  const evidence = popover.getByLabel('Matched records');
  await expect(evidence).toContainText('Erin Existing');
  await expect(evidence).toContainText('existing@acme.example');
  await expect(evidence).toContainText('Matched on the phone 1 (555) 0100');
  await popover.getByRole('button', { name: 'Link to this record' }).click();
  await expect(same.getByRole('button', { name: 'Synced' })).toBeVisible({ timeout: 30_000 });

  const other = table.getByRole('row', { name: /erin\.namesake@example\.com/ });
  await other.getByRole('button', { name: 'Possible match in Recruiterflow' }).click();
  popover = page.getByRole('dialog', { name: 'Possible match in Recruiterflow' });
  await popover.getByRole('button', { name: 'Create a new record' }).click();
  await expect(other.getByRole('button', { name: 'Synced' })).toBeVisible({ timeout: 30_000 });

  const linked = await app.api('contacts:get', { email: 'erin.home@example.com' });
  const created = await app.api('contacts:get', { email: 'erin.namesake@example.com' });
  const erin = linked.enrollments[0]!.recruiterflowId;
  expect(erin).not.toBeNull();
  expect(created.enrollments[0]!.recruiterflowId).not.toBeNull();
  expect(created.enrollments[0]!.recruiterflowId).not.toBe(erin);
});

test('a record deleted in Recruiterflow: Verify links marks the contact, and Resync creates it again', async ({ page, app, sandbox }) => {
  await app.api('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
  await importContacts(app, ['gone@example.com']);
  const seq = await app.api('sequences:create', { name: 'Gone' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['gone@example.com'] });
  await waitForState(app, seq.id, 'synced', 1);
  const id = (await app.api('contacts:get', { email: 'gone@example.com' })).enrollments[0]!.recruiterflowId!;
  const res = await fetch(`${sandbox.url}/__sandbox/delete`, {
    method: 'POST',
    headers: { 'X-Sandbox-Admin-Token': sandbox.adminToken, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id }),
  });
  expect(res.status).toBe(200);

  await openApp(page, app, '/settings/connection');
  await page.getByRole('button', { name: 'Verify links now' }).click();
  await expect(page.getByTestId('verify-summary')).toContainText('1 contact marked Deleted in Recruiterflow');

  await openApp(page, app, `/sequences/${seq.id}`);
  const row = page.getByRole('table', { name: 'Contacts in this sequence' }).getByRole('row', { name: /gone@example\.com/ });
  await row.getByRole('button', { name: 'Deleted in Recruiterflow' }).click();
  await page.getByRole('dialog', { name: 'Deleted in Recruiterflow' }).getByRole('button', { name: 'Resync' }).click();
  await expect(row.getByRole('button', { name: 'Synced' })).toBeVisible({ timeout: 30_000 });
  const again = (await app.api('contacts:get', { email: 'gone@example.com' })).enrollments[0]!.recruiterflowId;
  expect(again).not.toBeNull();
  expect(again).not.toBe(id);
});

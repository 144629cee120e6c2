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

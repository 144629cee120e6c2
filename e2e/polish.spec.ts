// What a recruiter expects, seen in the browser: review holds apart from manual holds, offline items that
// wait for the connection, contacts deleted by "select all N matching", pasted emails with names and
// unknown addresses, errors grouped by cause, duplicate names refused on their field, Disable Sync
// offering to cancel what is queued, the first-start profile and the acting-as header.
import { expect, goTo, openApp, test } from './fixtures';
import { importContacts, waitForState } from './helpers';

test('Approve all sends what awaits review, never what you held; offline items wait for the connection; Finished shows outcome and time', async ({
  page,
  app,
}) => {
  await app.useSandbox();
  await app.api('users:updateMe', { name: 'Rita Recruiter', email: 'rita@agency.example' });
  await app.api('settings:set', { reviewBeforeSync: true });
  await importContacts(app, ['r.one@example.com', 'r.two@example.com', 'r.three@example.com']);
  const seq = await app.api('sequences:create', { name: 'Reviewed' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['r.one@example.com', 'r.two@example.com', 'r.three@example.com'] });

  await openApp(page, app, '/queue');
  const queue = page.getByRole('table', { name: 'Queue items' });
  await expect(queue.getByRole('row')).toHaveCount(4);
  // Hold one on purpose: it becomes "Held by you", out of reach of "Approve all".
  await queue.getByRole('button', { name: 'Actions for r.three@example.com' }).click();
  await page.getByRole('menuitem', { name: 'Hold' }).click();
  await expect(queue.getByRole('row', { name: /r\.three/ })).toContainText('Held by you');
  await expect(queue.getByRole('row', { name: /r\.one/ })).toContainText('Awaiting review');

  // Offline: approved items say they wait for the connection.
  await app.sandboxFaults({ dropRate: 1 });
  await page.getByRole('button', { name: 'Apply to all…' }).click();
  await page.getByRole('menuitem', { name: 'Approve all awaiting review' }).click();
  await expect(page.getByRole('dialog')).toContainText('Items you held on purpose stay held.');
  await page.getByRole('button', { name: 'Approve all' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Queue: approve' })).toContainText('2 items approved');
  await goTo(page, 'Settings');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('status-connection')).toHaveText(/unreachable/i);
  // "Unreachable" is a warning, not a green success toast.
  await expect(page.getByRole('alert').filter({ hasText: 'Recruiterflow is unreachable' })).toBeVisible();
  await goTo(page, 'Sync queue');
  await expect(queue.getByRole('row', { name: /r\.one/ })).toContainText('Waiting for the connection');
  await expect(queue.getByRole('row', { name: /r\.three/ })).toContainText('When you release it');

  // Back online: the two approved ones sync, the held one does not.
  await app.sandboxFaults({});
  await waitForState(app, seq.id, 'synced', 2);
  await expect(queue.getByRole('row')).toHaveCount(2);
  await expect(queue.getByRole('row', { name: /r\.three/ })).toContainText('Held by you');

  // Finished: each item with what came of it and when.
  await page.getByRole('radiogroup', { name: 'Filter the queue by state' }).getByText('Finished').click();
  const done = queue.getByRole('row', { name: /r\.one/ });
  await expect(done).toContainText(/Synced · Candidate #\d+/);
  await expect(queue.getByRole('columnheader', { name: 'Finished' })).toBeVisible();

  // The Recruiterflow id links to the record once its web address pattern is set (the sandbox has none).
  const rfId = (await app.api('contacts:get', { email: 'r.one@example.com' })).recruiterflowIds[0]!;
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Sync defaults' }).click();
  const patternField = page.getByRole('textbox', { name: 'Record web address' });
  await patternField.fill('acme.example/{id}');
  await page.getByRole('button', { name: 'Save link pattern' }).click();
  await expect(patternField).toHaveAccessibleDescription(/must start with https:\/\//);
  await patternField.fill('https://acme.example/{type}/{id}');
  await page.getByRole('button', { name: 'Save link pattern' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Record links saved' })).toBeVisible();
  await goTo(page, 'Contacts');
  const link = page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: new RegExp(`^#${rfId}`) });
  await expect(link).toHaveAttribute('href', `https://acme.example/candidate/${rfId}`);
});

test('contacts: filter by state, select all N matching, delete with confirmation', async ({ page, app }) => {
  await app.api('users:updateMe', { name: 'Rita Recruiter', email: 'rita@agency.example' });
  const emails = Array.from({ length: 120 }, (_, i) => `bulk${String(i).padStart(3, '0')}@example.com`);
  await importContacts(app, [...emails, 'keep.me@example.com']);
  const seq = await app.api('sequences:create', { name: 'Bulk' });
  await app.api('sequences:add', { sequenceId: seq.id, emails });

  await openApp(page, app, '/contacts');
  await expect(page.getByText('121 contacts')).toBeVisible();
  await page.getByRole('combobox', { name: 'Filter contacts by state' }).click();
  await page.getByRole('option', { name: 'In a sequence as: Not synced' }).click();
  await expect(page.getByText('120 contacts')).toBeVisible();
  const table = page.getByRole('table', { name: 'Contacts' });
  await table.getByRole('checkbox', { name: /^Select bulk000/ }).check();
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await bar.getByRole('button', { name: 'Select all 120 matching' }).click();
  await expect(bar).toContainText('120 selected');
  await bar.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 120 contacts?' });
  await expect(dialog).toContainText('Nothing is deleted in Recruiterflow');
  await dialog.getByRole('button', { name: 'Delete 120' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Contacts deleted' })).toContainText('120 contacts deleted');
  expect((await app.api('contacts:list', {})).total).toBe(1);
});

test('pasted emails: "Name" <email> is read as the email, unknown ones are listed and can be created', async ({ page, app }) => {
  await app.api('users:updateMe', { name: 'Rita Recruiter', email: 'rita@agency.example' });
  await importContacts(app, ['known@example.com']);
  const seq = await app.api('sequences:create', { name: 'Pasted' });
  await openApp(page, app, `/sequences/${seq.id}`);
  await page.getByRole('button', { name: 'Add contacts' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add contacts to this sequence' });
  await dialog.getByRole('tab', { name: 'Paste emails' }).click();
  await dialog.getByRole('textbox', { name: 'Emails' }).fill('"Known" <known@example.com>, "Fay" <fay@example.com>');
  await expect(dialog).toContainText('2 valid emails');
  await dialog.getByRole('button', { name: 'Add 2 contacts' }).click();
  const unknown = dialog.getByRole('alert');
  await expect(unknown).toContainText('1 email is not a contact yet');
  await expect(unknown.getByRole('list', { name: 'Emails that are not contacts' })).toHaveText('fay@example.com');
  await unknown.getByRole('button', { name: 'Create it as contacts and add all' }).click();
  await expect(dialog).toContainText('New contacts');
  await waitForState(app, seq.id, 'not_synced', 2);
});

test('sequence names: a duplicate is refused on its field; the name is renamed in the header; Disable Sync offers to cancel the queued items', async ({
  page,
  app,
}) => {
  await app.useSandbox();
  await app.api('users:updateMe', { name: 'Rita Recruiter', email: 'rita@agency.example' });
  await app.api('settings:set', { reviewBeforeSync: true });
  await importContacts(app, ['d.one@example.com', 'd.two@example.com']);
  const seq = await app.api('sequences:create', { name: 'Berlin backend' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['d.one@example.com', 'd.two@example.com'] });

  await openApp(page, app);
  await page.getByRole('button', { name: 'New sequence' }).click();
  const create = page.getByRole('dialog', { name: 'Create a sequence' });
  await create.getByRole('textbox', { name: 'Name' }).fill('berlin BACKEND');
  await create.getByRole('button', { name: 'Create sequence' }).click();
  await expect(create.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(/already exists/);
  await create.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('link', { name: 'Berlin backend' }).click();
  await page.getByRole('button', { name: 'Rename the sequence' }).click();
  await page.getByRole('textbox', { name: 'Sequence name' }).fill('Berlin backend engineers');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Berlin backend engineers' })).toBeVisible();

  await page.getByRole('tab', { name: 'Syncing' }).click();
  await expect(page.getByRole('textbox', { name: 'Sequence name' })).toHaveCount(0);
  await page.getByRole('switch', { name: /Disable Sync/ }).click();
  await page.getByRole('button', { name: 'Save sync settings' }).click();
  const ask = page.getByRole('dialog', { name: 'Also cancel what is already queued?' });
  await expect(ask).toContainText('2 contacts of this sequence are already waiting');
  await ask.getByRole('button', { name: 'Cancel 2 queued items' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Sync settings saved' })).toContainText(
    '2 queued items of this sequence cancelled',
  );
  await waitForState(app, seq.id, 'sync_disabled', 2);
});

test('first start asks who you are; the header says when you act as a teammate; Activity reads as sentences; errors group by cause', async ({
  page,
  app,
}) => {
  await app.useSandbox();
  await app.api('mapping:set', { rules: [{ source: 'salary', target: 'custom:203' }] });
  await importContacts(app, ['a@example.com', 'b@example.com', 'c@example.com'], { salary: ['lots', 'heaps', 'plenty'] });
  const seq = await app.api('sequences:create', { name: 'Salaries' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['a@example.com', 'b@example.com', 'c@example.com'] });
  await waitForState(app, seq.id, 'failed', 3);

  await openApp(page, app);
  await page.getByRole('textbox', { name: 'Your email' }).fill('not-an-email');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Rita Recruiter');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Your email' })).toHaveAccessibleDescription(/Not a valid email/);
  await page.getByRole('textbox', { name: 'Your email' }).fill('rita@agency.example');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Who are you?')).toHaveCount(0);

  await goTo(page, 'Errors');
  await page.getByRole('combobox', { name: 'Group by error' }).click();
  await expect(page.getByRole('option', { name: /^Expected Salary: not an amount .* \(3\)$/ })).toBeVisible();
  await page.keyboard.press('Escape');

  await goTo(page, 'Activity');
  await expect(page.getByRole('table', { name: 'Sync log' })).toContainText(
    'Recruiterflow refused the contact; it will not be retried until you act for a@example.com.',
  );
  await expect(page.getByRole('table', { name: 'Sync log' })).not.toContainText('sync.failed');

  await app.api('users:add', { email: 'mia@team.example', name: 'Mia Manager', role: 'manager' });
  await app.api('users:use', { email: 'mia@team.example' });
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Team' }).click();
  const acting = page.getByRole('status', { name: 'Acting as a teammate' });
  await expect(acting).toContainText('Acting as Mia Manager');
  // The owner's integration is still shown while acting as Mia.
  await expect(page.getByRole('table', { name: 'Teammates' }).getByRole('row', { name: /Rita Recruiter/ })).toContainText('Recruiterflow');
  await acting.getByRole('button', { name: 'Switch back to Rita Recruiter' }).click();
  await expect(acting).toHaveCount(0);
});

test('when the browser-mode server stops answering, the status bar says so', async ({ page, app }) => {
  await app.api('users:updateMe', { name: 'Rita Recruiter', email: 'rita@agency.example' });
  await openApp(page, app);
  await expect(page.getByTestId('status-connection')).toHaveText('Not connected');
  // The server goes away: every call and the event stream fail from now on.
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await goTo(page, 'Contacts');
  await expect(page.getByTestId('status-backend-lost')).toContainText('The Flowbridge server has stopped');
  await expect(page.getByTestId('status-connection')).toHaveCount(0);
});

// Choose existing contacts by searching the contact list (server-side, 50 at a time).
import { Checkbox, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { IconSearch } from '../../components/Icons';
import { useApiQuery } from '../../hooks/useApiQuery';

export function PickContacts({ selected, onChange }: { selected: Set<string>; onChange: (next: Set<string>) => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const list = useApiQuery('contacts:list', { search: debounced || undefined, limit: 50, sort: 'email' });
  const rows = list.data?.rows ?? [];

  function toggle(email: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(email);
    else next.delete(email);
    onChange(next);
  }

  return (
    <Stack gap="xs">
      <TextInput
        label="Find contacts to add"
        placeholder="Name, email or company"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-autofocus
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {list.data
            ? `${list.data.total.toLocaleString()} matching${list.data.total > rows.length ? `, showing ${rows.length}` : ''}`
            : 'Loading…'}
        </Text>
        <Group gap="xs">
          <Text size="xs" fw={600}>
            {selected.size} selected
          </Text>
          {rows.length > 0 && (
            <Checkbox
              size="xs"
              label="Select all shown"
              checked={rows.every((r) => selected.has(r.email))}
              onChange={(e) => {
                const next = new Set(selected);
                for (const r of rows) {
                  if (e.currentTarget.checked) next.add(r.email);
                  else next.delete(r.email);
                }
                onChange(next);
              }}
            />
          )}
        </Group>
      </Group>
      <ScrollArea h={260} type="auto" aria-label="Matching contacts">
        <Stack gap={6} p={2}>
          {rows.map((r) => (
            <Checkbox
              key={r.id}
              checked={selected.has(r.email)}
              onChange={(e) => toggle(r.email, e.currentTarget.checked)}
              label={
                <span>
                  {r.name || r.email}{' '}
                  <Text span size="xs" c="dimmed">
                    {r.name ? r.email : ''}
                    {r.company ? ` · ${r.company}` : ''}
                  </Text>
                </span>
              }
            />
          ))}
          {list.data && rows.length === 0 && (
            <Text size="sm" c="dimmed">
              No contact matches. Import contacts first, or paste emails.
            </Text>
          )}
        </Stack>
      </ScrollArea>
    </Stack>
  );
}

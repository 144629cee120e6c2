import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useApiQuery } from '../../../hooks/useApiQuery';

/** Picks the contact whose data the mapping preview uses. */
export function SampleContactPicker({ value, onChange }: { value: string | null; onChange: (email: string | null) => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const list = useApiQuery('contacts:list', { search: debounced && debounced !== value ? debounced : undefined, limit: 20, sort: 'email' });
  const emails = (list.data?.rows ?? []).map((r) => r.email);
  if (value && !emails.includes(value)) emails.unshift(value);
  return (
    <Select
      label="Sample contact"
      placeholder="Search a contact"
      searchable
      clearable
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      data={emails}
      nothingFoundMessage="No contact matches"
      filter={({ options }) => options}
    />
  );
}

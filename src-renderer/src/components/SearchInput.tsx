import { CloseButton, TextInput } from '@mantine/core';
import { IconSearch } from './Icons';

/** The screen's search box ("/" focuses it). */
export function SearchInput({
  value,
  onChange,
  label,
  placeholder,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  placeholder?: string;
}) {
  return (
    <TextInput
      aria-label={label}
      placeholder={placeholder ?? `${label}…  ( / )`}
      leftSection={<IconSearch size={16} />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data-search-input
      w={300}
      rightSection={value ? <CloseButton size="sm" aria-label="Clear search" onClick={() => onChange('')} /> : null}
    />
  );
}

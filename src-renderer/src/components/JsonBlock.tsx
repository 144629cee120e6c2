import { Code } from '@mantine/core';

export function JsonBlock({ value, label }: { value: unknown; label?: string }) {
  return (
    <Code block className="json-block" aria-label={label} component="pre">
      {value === undefined ? '(no body)' : JSON.stringify(value, null, 2)}
    </Code>
  );
}

import { Input } from '@mantine/core';
import { useId, useState } from 'react';
import { notifyError } from '../../api/call';
import { readFileBytes } from '../../lib/csvFile';
import classes from './CsvFilePicker.module.css';

/**
 * Picks a .csv file and hands over its bytes (read in the page; nothing is sent until you confirm): the
 * encoding is decided next, with a preview (see EncodingPicker).
 * A native file input, so it is labelled, keyboard-operable and scriptable (setInputFiles) as is.
 */
export function CsvFilePicker({ onBytes, label = 'CSV file' }: { onBytes: (bytes: Uint8Array, file: File) => void; label?: string }) {
  const id = useId();
  const [reading, setReading] = useState(false);
  async function pick(file: File | undefined) {
    if (!file) return;
    setReading(true);
    try {
      onBytes(await readFileBytes(file), file);
    } catch (err) {
      notifyError({ code: 'unreadable_file', message: `Could not read ${file.name}: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setReading(false);
    }
  }
  return (
    <Input.Wrapper
      label={label}
      labelProps={{ htmlFor: id }}
      description="A header row is required, with an email column. Other columns are kept as extra fields."
      id={id}
    >
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        className={classes.input}
        aria-describedby={`${id}-description`}
        aria-busy={reading}
        onChange={(e) => void pick(e.currentTarget.files?.[0])}
      />
    </Input.Wrapper>
  );
}

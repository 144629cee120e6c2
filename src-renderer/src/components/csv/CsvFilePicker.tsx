import { Input } from '@mantine/core';
import { useId, useState } from 'react';
import { notifyError } from '../../api/call';
import { readFileText } from '../../lib/csvFile';
import classes from './CsvFilePicker.module.css';

/**
 * Picks a .csv file and hands over its text (read in the page; nothing is sent until you confirm).
 * A native file input, so it is labelled, keyboard-operable and scriptable (setInputFiles) as is.
 */
export function CsvFilePicker({ onText, label = 'CSV file' }: { onText: (text: string, file: File) => void; label?: string }) {
  const id = useId();
  const [reading, setReading] = useState(false);
  async function pick(file: File | undefined) {
    if (!file) return;
    setReading(true);
    try {
      onText(await readFileText(file), file);
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

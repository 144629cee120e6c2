import { FileInput } from '@mantine/core';
import { useState } from 'react';
import { notifyError } from '../../api/call';
import { readFileText } from '../../lib/csvFile';
import { IconUpload } from '../Icons';

/** Picks a .csv file and hands over its text (read in the page; nothing is uploaded until you confirm). */
export function CsvFilePicker({ onText, label = 'CSV file' }: { onText: (text: string, file: File) => void; label?: string }) {
  const [file, setFile] = useState<File | null>(null);
  return (
    <FileInput
      label={label}
      description="A header row is required, with an email column. Other columns are kept as extra fields."
      placeholder="Choose a .csv file"
      accept=".csv,text/csv"
      clearable
      leftSection={<IconUpload size={16} />}
      value={file}
      onChange={async (f) => {
        setFile(f);
        if (!f) return;
        try {
          onText(await readFileText(f), f);
        } catch (e) {
          notifyError({ code: 'unreadable_file', message: `Could not read ${f.name}: ${e instanceof Error ? e.message : String(e)}` });
        }
      }}
    />
  );
}

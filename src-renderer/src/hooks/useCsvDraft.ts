// A picked CSV file on its way in: its text, the server's preview and the editable column mapping.
import { useState } from 'react';
import type { CsvPreview } from '../../../src-shared/contract';
import { call } from '../api/call';
import type { ColumnMap } from '../components/csv/ColumnMapping';

export interface CsvDraft {
  text: string | null;
  fileName: string | null;
  preview: CsvPreview | null;
  columns: ColumnMap;
  loading: boolean;
  load: (text: string, fileName: string) => Promise<boolean>;
  setColumns: (c: ColumnMap) => void;
  reset: () => void;
}

export function useCsvDraft(): CsvDraft {
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [columns, setColumns] = useState<ColumnMap>({});
  const [loading, setLoading] = useState(false);

  async function load(csv: string, name: string): Promise<boolean> {
    setLoading(true);
    const p = await call('contacts:csvPreview', { csv });
    setLoading(false);
    if (!p) return false;
    setText(csv);
    setFileName(name);
    setPreview(p);
    setColumns(Object.fromEntries(p.headers.map((h) => [h, p.suggested[h] ?? 'extra'])));
    return true;
  }

  function reset() {
    setText(null);
    setFileName(null);
    setPreview(null);
    setColumns({});
  }

  return { text, fileName, preview, columns, loading, load, setColumns, reset };
}

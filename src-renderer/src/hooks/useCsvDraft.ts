// A picked CSV file on its way in: its bytes, the encoding they are read with (detected, or chosen by the
// user), the decoded text, the server's preview and the editable column mapping.
import { useState } from 'react';
import type { CsvEncoding, EncodingChoice } from '../../../src-shared/csvEncoding';
import type { CsvPreview } from '../../../src-shared/contract';
import { call } from '../api/call';
import type { ColumnMap } from '../components/csv/ColumnMapping';
import { decodeCsvFile, garbledLines } from '../lib/csvFile';

export interface CsvDraft {
  text: string | null;
  fileName: string | null;
  preview: CsvPreview | null;
  columns: ColumnMap;
  loading: boolean;
  /** The encoding the text was decoded with, and why. */
  encoding: EncodingChoice | null;
  /** Lines with a character that does not fit the encoding (rejected by the importer). */
  garbled: number;
  load: (bytes: Uint8Array, fileName: string) => Promise<boolean>;
  /** Reads the same bytes again with another encoding. */
  setEncoding: (encoding: CsvEncoding) => Promise<boolean>;
  setColumns: (c: ColumnMap) => void;
  reset: () => void;
}

export function useCsvDraft(): CsvDraft {
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [columns, setColumns] = useState<ColumnMap>({});
  const [loading, setLoading] = useState(false);
  const [encoding, setEncodingState] = useState<EncodingChoice | null>(null);
  const [garbled, setGarbled] = useState(0);

  async function decodeAndPreview(data: Uint8Array, name: string, chosen?: CsvEncoding): Promise<boolean> {
    setLoading(true);
    const decoded = decodeCsvFile(data, chosen);
    const p = await call('contacts:csvPreview', { csv: decoded.text });
    setLoading(false);
    if (!p) return false;
    setBytes(data);
    setText(decoded.text);
    setFileName(name);
    setEncodingState({ encoding: decoded.encoding, reason: decoded.reason });
    setGarbled(garbledLines(decoded.text));
    setPreview(p);
    // A new encoding keeps the user's column choices where the headers read the same.
    setColumns((before) => Object.fromEntries(p.headers.map((h) => [h, before[h] ?? p.suggested[h] ?? 'extra'])));
    return true;
  }

  function reset() {
    setBytes(null);
    setText(null);
    setFileName(null);
    setPreview(null);
    setColumns({});
    setEncodingState(null);
    setGarbled(0);
  }

  return {
    text,
    fileName,
    preview,
    columns,
    loading,
    encoding,
    garbled,
    load: (data, name) => {
      setColumns({});
      return decodeAndPreview(data, name);
    },
    setEncoding: (chosen) => (bytes && fileName ? decodeAndPreview(bytes, fileName, chosen) : Promise.resolve(false)),
    setColumns,
    reset,
  };
}

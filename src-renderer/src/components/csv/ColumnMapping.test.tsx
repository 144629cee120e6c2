// The column step of a CSV import: the backend's suggestions fill the mapping, the recruiter can change
// them, and a mapping without an email column, or with one field chosen twice, says what to fix.
import { act, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installRealBackend, Providers, type RealBackend } from '../../../test/realBackend';
import { useCsvDraft } from '../../hooks/useCsvDraft';
import { ColumnMapping, validateColumns } from './ColumnMapping';

const CSV = [
  'Email,First Name,Surname,Employer,Seniority',
  'ann@acme.example,Ann,Lee,Acme,Senior',
  'bo@initech.example,Bo,Ray,Initech,Junior',
].join('\n');

describe('CSV column mapping', () => {
  let rb: RealBackend;
  beforeEach(() => (rb = installRealBackend()));
  afterEach(() => rb.close());

  it('starts from the backend’s suggestions, and an import with the mapping brings the contacts in as mapped', async () => {
    const { result } = renderHook(() => useCsvDraft());
    let loaded = false;
    await act(async () => {
      loaded = await result.current.load(new TextEncoder().encode(CSV), 'people.csv');
    });
    expect(loaded).toBe(true);
    expect(result.current.fileName).toBe('people.csv');
    expect(result.current.preview?.totalRows).toBe(2);
    expect(result.current.columns).toMatchObject({ Email: 'email', 'First Name': 'first_name', Seniority: 'extra' });
    expect(validateColumns(result.current.columns)).toEqual([]);

    const columns = { ...result.current.columns, Employer: 'company', Surname: 'last_name' };
    await rb.call('contacts:import', { csv: CSV, columns });
    const ann = await rb.call('contacts:get', { email: 'ann@acme.example' });
    expect(ann.fields).toMatchObject({ first_name: 'Ann', last_name: 'Lee', company: 'Acme', Seniority: 'Senior' });
  });

  it('refuses a file the backend cannot read, and keeps no draft', async () => {
    const { result } = renderHook(() => useCsvDraft());
    let loaded = true;
    await act(async () => {
      loaded = await result.current.load(new Uint8Array(0), 'empty.csv');
    });
    expect(loaded).toBe(false);
    expect(result.current.preview).toBeNull();
  });

  it('shows what to fix: no email column, or one field chosen for two columns', () => {
    expect(validateColumns({ A: 'first_name', B: 'extra' })).toEqual(['Map one column to Email: every contact needs an email address.']);
    expect(validateColumns({ A: 'email', B: 'first_name', C: 'first_name', D: 'ignore' })).toEqual([
      'First name is chosen for 2 columns (B, C); pick one.',
    ]);
    const preview = { headers: ['A', 'B'], rows: [['x@y.example', 'Ann']], totalRows: 1, suggested: {} };
    render(<ColumnMapping preview={preview} columns={{ A: 'extra', B: 'first_name' }} onChange={() => undefined} />, {
      wrapper: Providers,
    });
    expect(screen.getByText(/Map one column to Email/).closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByRole('table', { name: 'CSV columns and their first rows' }).textContent).toContain('x@y.example');
  });
});

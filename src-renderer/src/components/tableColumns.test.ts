// A table's width shared between its columns: a narrow window drops the columns marked to go first, fixed
// columns keep their width, and the others share the rest by their grow (never narrower than 72 px).
import { describe, expect, it } from 'vitest';
import { layoutColumns, type Column } from './tableColumns';

const col = (key: string, extra: Partial<Column<string>> = {}): Column<string> => ({ key, header: key, render: (r) => r, ...extra });
const columns = [col('email', { grow: 2 }), col('name'), col('state', { width: 200 }), col('synced', { width: 170, hideBelow: 900 })];

describe('layoutColumns', () => {
  it('shows every column at its fixed width until the table is measured', () => {
    const { shown, widths } = layoutColumns(columns, null, true);
    expect(shown.map((c) => c.key)).toEqual(['email', 'name', 'state', 'synced']);
    expect(widths).toEqual([undefined, undefined, 200, 170]);
  });

  it('shares what the fixed columns and the checkbox leave by grow', () => {
    const { widths } = layoutColumns(columns, 1_000, true); // 1000 - 44 (checkbox) - 200 - 170 = 586
    expect(widths).toEqual([390, 195, 200, 170]);
  });

  it('drops the columns a narrow table cannot fit, and gives their room to the others', () => {
    const { shown, widths } = layoutColumns(columns, 800, false); // 800 - 200 = 600
    expect(shown.map((c) => c.key)).toEqual(['email', 'name', 'state']);
    expect(widths).toEqual([400, 200, 200]);
  });

  it('keeps a growing column readable when nothing is left for it', () => {
    expect(layoutColumns(columns, 300, false).widths).toEqual([72, 72, 200]);
  });
});

import { parse } from 'csv-parse/sync';
import type { Problem, Row } from './types';

/** Reads a CSV with a header row; a byte-order mark and `\r\n` are fine. */
export function readCsv(name: string, text: string): { rows: Row[]; problems: Problem[] } {
  try {
    const records = parse(text, {
      bom: true,
      relax_column_count: false,
      skip_empty_lines: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    const [header, ...rest] = records;
    if (!header)
      return { rows: [], problems: [{ file: name, row: 1, column: '', message: 'the file is empty' }] };
    const columns = header.record.map((column) => column.trim());
    return {
      // Rows as a spreadsheet numbers them: the header is row 1, and a cell over several lines
      // is still one row.
      rows: rest.map(({ record }, index) => ({
        line: index + 2,
        values: Object.fromEntries(columns.map((column, i) => [column, (record[i] ?? '').trim()])),
      })),
      problems: [],
    };
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return {
      rows: [],
      problems: [
        { file: name, row: line, column: '', message: `cannot be read as CSV: ${(error as Error).message}` },
      ],
    };
  }
}

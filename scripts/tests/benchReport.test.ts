import { describe, expect, it } from 'vitest';
import { notesFileOf, withNotes } from '../lib/bench/report';

describe('notes beside a benchmark report', () => {
  it('are found next to the report', () => {
    expect(notesFileOf('/repo/docs/performance-L.md')).toBe('/repo/docs/performance-L.notes.md');
    expect(notesFileOf('report')).toBe('report.notes.md');
  });

  it('are appended under their heading, naming the file they are kept in', () => {
    const report = '# Performance: size L\n\n| a | b |\n';
    const kept = withNotes(
      report,
      '- **2026-12-02.** The seed ran beside CI.\n',
      'docs/performance-L.notes.md',
    );
    expect(kept.startsWith(report.trimEnd())).toBe(true);
    expect(kept).toContain('## Notes written by hand');
    expect(kept).toContain('`docs/performance-L.notes.md`');
    expect(kept.trimEnd().endsWith('The seed ran beside CI.')).toBe(true);
  });

  it('add nothing when there are none', () => {
    expect(withNotes('# R\n', undefined, 'x.notes.md')).toBe('# R\n');
    expect(withNotes('# R\n', ' \n', 'x.notes.md')).toBe('# R\n');
  });
});

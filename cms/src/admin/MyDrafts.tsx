import type { ServerProps } from 'payload';

/**
 * Above the works list: one click to "my drafts" and "my works", so a curator finds their
 * unfinished entries among hundreds.
 */
export function MyDrafts({ user, i18n }: ServerProps) {
  if (!user) return null;
  const ru = i18n.language === 'ru';
  const mine = `where[and][0][createdBy][equals]=${encodeURIComponent(String(user.id))}`;
  const drafts = `${mine}&where[and][1][_status][equals]=draft`;
  return (
    <nav
      aria-label={ru ? 'Мои работы' : 'My works'}
      style={{ display: 'flex', gap: '1.25rem', marginBottom: '1rem' }}
    >
      <a href={`/admin/collections/works?${drafts}`}>{ru ? 'Мои черновики' : 'My drafts'}</a>
      <a href={`/admin/collections/works?${mine}`}>{ru ? 'Все мои работы' : 'All my works'}</a>
    </nav>
  );
}

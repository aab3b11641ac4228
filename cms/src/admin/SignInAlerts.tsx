import type { ServerProps } from 'payload';
import { hasRole } from '../access/roles';
import { alertDays, recentSignInAlerts } from '../auth/alerts';

/**
 * On an admin's dashboard: accounts someone kept trying to sign in to from browsers they do
 * not know (auth/limits.ts slowed those attempts down; nothing was locked). What to do is
 * said with it: nothing if it was the owner, a new password if not.
 */
export async function SignInAlerts({ payload, user, i18n }: ServerProps) {
  if (!user || !hasRole(user, 'admin')) return null;
  const alerts = await recentSignInAlerts(payload);
  if (!alerts.length) return null;
  const ru = i18n.language === 'ru';
  const when = (iso: string) =>
    new Intl.DateTimeFormat(ru ? 'ru' : 'en', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  return (
    <section
      aria-labelledby="sign-in-alerts"
      style={{ border: '1px solid var(--theme-warning-500)', padding: '1rem', marginBottom: '1.5rem' }}
    >
      <h2 id="sign-in-alerts" style={{ marginTop: 0 }}>
        {ru ? 'Повторные неудачные входы' : 'Repeated failed sign-ins'}
      </h2>
      <p>
        {ru
          ? `За ${alertDays} дней: попытки войти с паролем в эти учётные записи из незнакомых браузеров. Они замедлены, учётные записи не заблокированы. Если это были не владельцы, попросите их сменить пароль.`
          : `In the last ${alertDays} days, someone kept trying passwords for these accounts from browsers they had not signed in from. The attempts were slowed down; no account was locked. If it was not the owner, ask them to change their password.`}
      </p>
      <ul>
        {alerts.map((alert) => (
          <li key={alert.email}>
            <strong>{alert.email}</strong>:{' '}
            {ru
              ? `${alert.attempts} попыток, ${when(alert.first)} – ${when(alert.last)}`
              : `${alert.attempts} attempts, ${when(alert.first)} – ${when(alert.last)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

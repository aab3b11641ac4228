import type { Payload } from 'payload';

/**
 * Repeated failed sign-ins to an account from browsers it does not know, kept for the admin's
 * dashboard (admin/SignInAlerts.tsx) in Payload's key-value store, and logged.
 */
export type SignInAlert = { email: string; attempts: number; first: string; last: string };

const key = 'oyu:sign-in-alerts';
const kept = 50;
/** How long an alert stays on the dashboard. */
export const alertDays = 7;

export async function recordSignInAlert(payload: Payload, email: string, attempts: number): Promise<void> {
  const now = new Date().toISOString();
  const alerts = (await payload.kv.get<SignInAlert[]>(key)) ?? [];
  const existing = alerts.find((alert) => alert.email === email);
  if (existing) Object.assign(existing, { attempts: Math.max(existing.attempts, attempts), last: now });
  else alerts.unshift({ email, attempts, first: now, last: now });
  alerts.sort((a, b) => b.last.localeCompare(a.last));
  await payload.kv.set(key, alerts.slice(0, kept));
  // Logged at the first wait and then now and again, not at every attempt of a flood.
  if (!existing || attempts % 20 === 0) {
    payload.logger.warn(`${attempts} sign-in attempts for ${email} from browsers it has not signed in from`);
  }
}

/** The alerts of the last `alertDays` days, newest first. */
export async function recentSignInAlerts(payload: Payload, now = Date.now()): Promise<SignInAlert[]> {
  const since = new Date(now - alertDays * 24 * 60 * 60 * 1000).toISOString();
  return ((await payload.kv.get<SignInAlert[]>(key)) ?? []).filter((alert) => alert.last >= since);
}

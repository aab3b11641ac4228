import { getPayload, type Payload } from 'payload';
import { migrationsFor } from '../src/database';
import { env } from '../src/env';
import config from '../src/payload.config';

/** A Payload instance on this test file's fresh database, with the committed migrations applied. */
export async function testPayload(): Promise<Payload> {
  const payload = await getPayload({ config });
  await payload.db.migrate({ migrations: migrationsFor(env) });
  return payload;
}

/** A user of the given role, for access checks through the Local API. */
export async function makeUser(
  payload: Payload,
  role: 'admin' | 'organiser' | 'curator',
  email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2)}@test.local`,
) {
  return payload.create({
    collection: 'users',
    data: { email, password: 'correct horse battery staple', roles: [role] },
  });
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoWorks, published } from './demo';
import { sharedStack } from './stack';

/** The first admin's account, made by the seed, and what signing in opens. */
const { dataDir, cmsPort } = sharedStack();

describe('signing in', () => {
  it('lets the first admin sign in with the printed credentials and see drafts', async () => {
    const saved = fs.readFileSync(path.join(dataDir, 'admin-credentials.txt'), 'utf8');
    const email = saved.match(/^email: (.+)$/m)?.[1];
    const password = saved.match(/^password: (.+)$/m)?.[1];
    expect(password).toMatch(/^[\w-]{20}$/);
    const cms = `http://127.0.0.1:${cmsPort}`;
    const login = await fetch(`${cms}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const all = await fetch(`${cms}/api/works?draft=true&limit=100&depth=0`, {
      headers: { authorization: `JWT ${token}` },
    });
    expect(((await all.json()) as { totalDocs: number }).totalDocs).toBe(demoWorks.length);
    const anonymous = await fetch(`${cms}/api/works?draft=true&limit=100&depth=0`);
    expect(((await anonymous.json()) as { totalDocs: number }).totalDocs).toBe(published.length);
    const wrong = await fetch(`${cms}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'admin' }),
    });
    expect(wrong.status).toBe(401);
    // The admin panel itself renders (its import map and styles are in the production build).
    const admin = await fetch(`${cms}/admin/login`);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('<title>Login · Oyu</title>');
  });
});

import path from 'node:path';
import pg from 'pg';
import { type CopyReport, copySqliteToPostgres } from '../copyDatabase';
import { freshInstall } from './install';
import { restUnderLoad } from './restFigures';
import { siteRequests } from './restLoad';
import type { Steps } from './result';

/**
 * The benchmark on PostgreSQL: a copy of the SQLite install it seeded, checked to answer as
 * SQLite did, then measured the same way.
 */

/** Refuses a PostgreSQL database that holds anything: the benchmark fills it from nothing. */
export async function checkEmptyPostgres(uri: string) {
  const client = new pg.Client({ connectionString: uri });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`--postgres: cannot connect to ${redact(uri)}: ${(error as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const tables = Number(rows[0]?.count ?? 0);
    if (tables > 0) {
      throw new Error(
        `--postgres needs an empty database, and ${redact(uri)} has ${tables} tables: create one for the benchmark (createdb oyu_bench) and pass its URL`,
      );
    }
  } finally {
    await client.end();
  }
}

const redact = (uri: string) => uri.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** What the CMS at `cmsUrl` answers to the site's requests, to check the copy against. */
export async function answersOf(cmsUrl: string, workId: number): Promise<Map<string, unknown>> {
  const answers = new Map<string, unknown>();
  for (const request of siteRequests(cmsUrl, workId))
    answers.set(request.name, await answer(request.url, cmsUrl));
  return answers;
}

/**
 * A copy of the install at `dataDir` (its CMS stopped) in PostgreSQL, served from the same
 * photos folder, checked against SQLite's `answers` and then put under load.
 */
export async function measurePostgresCopy(options: {
  dataDir: string;
  postgresUri: string;
  workId: number;
  answers: Map<string, unknown>;
  quick: boolean;
  onStep: (step: string) => void;
}): Promise<Steps['postgres']> {
  const { dataDir, postgresUri, workId } = options;
  options.onStep('PostgreSQL: a copy of the install');
  let copy: CopyReport | undefined;
  const install = await freshInstall(`${dataDir}-postgres`, postgresUri, {
    mediaDir: path.join(dataDir, 'media'),
    credentialsFrom: dataDir,
    beforeStart: async () => {
      copy = await copySqliteToPostgres(path.join(dataDir, 'oyu.db'), postgresUri);
    },
  });
  try {
    const checked = await checkFaithful(install.cmsUrl, workId, options.answers);
    options.onStep('REST API under load (PostgreSQL)');
    const rest = await restUnderLoad(install.cmsUrl, workId, options.quick, 'postgres');
    return { copy: copy as CopyReport, checked, rest };
  } finally {
    await install.cms.stop();
  }
}

/** The requests the copy answers exactly as SQLite did; throws at the first it does not. */
async function checkFaithful(cmsUrl: string, workId: number, answers: Map<string, unknown>) {
  const checked: string[] = [];
  for (const request of siteRequests(cmsUrl, workId)) {
    const difference = firstDifference(answers.get(request.name), await answer(request.url, cmsUrl));
    if (difference) {
      throw new Error(
        `The PostgreSQL copy answers ${request.name} unlike SQLite, at ${difference}: the copy is not faithful, so its figures would not be comparable`,
      );
    }
    checked.push(request.name);
  }
  return checked;
}

/** A CMS's answer, with its own address (in every photo's URL) taken out, to compare two CMSes. */
async function answer(url: string, cmsUrl: string): Promise<unknown> {
  const { port } = new URL(cmsUrl);
  const text = await (await fetch(url)).text();
  return JSON.parse(text.replace(new RegExp(`//(?:localhost|127\\.0\\.0\\.1):${port}\\b`, 'g'), '//cms'));
}

/** Where two JSON values first differ, as a path (`docs[3].title`), or undefined when equal. */
export function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${at || 'the top'} (${JSON.stringify(a)?.slice(0, 80)} against ${JSON.stringify(b)?.slice(0, 80)})`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${at || 'the top'} (an array against an object)`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at || 'the top'} (${a.length} items against ${b.length})`;
    for (let index = 0; index < a.length; index += 1) {
      const found = firstDifference(a[index], b[index], `${at}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const found = firstDifference(left[key], right[key], at ? `${at}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

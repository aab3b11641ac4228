import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScriptEnv, repoRoot } from '../lib/env';

describe('script settings', () => {
  it('defaults to data/ in the repository and the usual ports', () => {
    expect(readScriptEnv({})).toEqual({
      dataDir: path.join(repoRoot, 'data'),
      cmsPort: 3000,
      sitePort: 4321,
      databaseUri: undefined,
      seedDemo: true,
      verbose: false,
    });
  });

  it('names the setting that is wrong', () => {
    expect(() => readScriptEnv({ CMS_PORT: 'eighty' })).toThrow(/CMS_PORT/);
    expect(() => readScriptEnv({ OYU_SEED_DEMO: 'yes' })).toThrow(/OYU_SEED_DEMO/);
  });
});

import { repoRoot } from './env';
import { type EnvVars, startServer, waitForHttp } from './processes';
import { paths } from './stack';
import type { ServerSpec } from './supervise';

export type SiteProcessOptions = {
  /** The built site to serve. */
  root: string;
  port: number;
  /** A built preview app (previewApp.ts) to mount at /preview. */
  previewDir?: string | undefined;
  /** For the preview pages: CMS_URL. */
  env?: EnvVars;
  /** Show the server's output as it comes. */
  echo?: boolean;
};

/** The site server (scripts/serve-site.ts) as a child process, for `supervise`. */
export function siteServerSpec(options: SiteProcessOptions): ServerSpec {
  const args = ['--root', options.root, '--port', String(options.port)];
  if (options.previewDir) args.push('--preview', options.previewDir);
  return {
    name: 'the site server',
    launch: () =>
      startServer(paths.tsxBin, [paths.serveSiteScript, ...args], {
        cwd: repoRoot,
        env: options.env ?? {},
        label: 'site',
        echo: options.echo ?? false,
      }),
    ready: (server) =>
      waitForHttp(`http://127.0.0.1:${options.port}/`, {
        child: server.child,
        output: server.output,
        timeoutMs: 60_000,
      }),
  };
}

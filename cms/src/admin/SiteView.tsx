import { DefaultTemplate } from '@payloadcms/next/templates';
import { Gutter } from '@payloadcms/ui';
import type { AdminViewServerProps } from 'payload';
import { hasRole } from '../access/roles';
import { SitePanel } from './SitePanel';

/**
 * The Site page of the admin (/admin/site): rebuild the public site, follow the build with
 * its live log, and see every earlier build with a one-click way back to any kept one.
 * Organisers and admins only; the endpoints it calls check the same.
 */
export function SiteView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult;
  const ru = req.i18n.language === 'ru';
  const allowed = hasRole(req.user, 'admin', 'organiser');
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>{ru ? 'Публичный сайт' : 'Public site'}</h1>
        {allowed ? (
          <SitePanel language={ru ? 'ru' : 'en'} />
        ) : (
          <p>
            {ru
              ? 'Собирать и публиковать сайт могут организаторы и администраторы.'
              : 'Organisers and admins build and publish the site.'}
          </p>
        )}
      </Gutter>
    </DefaultTemplate>
  );
}

/** "Site" in the navigation, for those who may use the page. */
export function SiteNavLink({ user, i18n }: { user?: unknown; i18n?: { language: string } }) {
  if (!hasRole(user, 'admin', 'organiser')) return null;
  return (
    <a href="/admin/site" className="nav__link" style={{ display: 'block', padding: '0.5rem 0' }}>
      {i18n?.language === 'ru' ? 'Сайт: сборка и публикация' : 'Site: build and publish'}
    </a>
  );
}

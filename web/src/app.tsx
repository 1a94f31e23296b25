/**
 * The console's shell: the key page until a key is given, then the navigation, the token picker
 * and the page the path names. Each page uses only the operations in `web/src/operations`.
 */
import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { Provider, useQuery } from 'urql';
import { storeApiKey, storedApiKey } from './api-key';
import { createHomeroomClient, useLastCost } from './client';
import { ViewerDocument } from './gql/graphql';
import { DevicesPage } from './pages/devices-page';
import { EnrollmentWallPage } from './pages/enrollment-wall-page';
import { KeyPage } from './pages/key-page';
import { ProfilesPage } from './pages/profiles-page';
import { SetupPage } from './pages/setup-page';
import { SyncPage } from './pages/sync-page';
import { navigate, PAGES, usePath } from './router';
import { TokensProvider, useTokens } from './tokens';

export function App() {
  const [apiKey, setApiKey] = useState<string | null>(storedApiKey);
  const homeroom = useMemo(() => (apiKey ? createHomeroomClient(apiKey) : null), [apiKey]);
  useEffect(() => () => homeroom?.dispose(), [homeroom]);

  if (!apiKey || !homeroom) {
    return (
      <KeyPage
        onKey={(key) => {
          storeApiKey(key);
          setApiKey(key);
          if (location.pathname === '/' || location.pathname === '/key') navigate('/setup');
        }}
      />
    );
  }
  const signOut = () => {
    storeApiKey(null);
    setApiKey(null);
  };
  return (
    <Provider value={homeroom.client}>
      <TokensProvider>
        <Shell onSignOut={signOut} />
      </TokensProvider>
    </Provider>
  );
}

/** Same-page navigation for plain links (keeps the urql client and websocket). */
function followLink(event: MouseEvent<HTMLElement>): void {
  const link = (event.target as HTMLElement).closest('a');
  if (!link || link.target || link.origin !== location.origin || event.metaKey || event.ctrlKey || event.shiftKey) return;
  if (link.pathname === '/graphql' || link.hasAttribute('download')) return;
  event.preventDefault();
  navigate(link.pathname);
}

function Shell({ onSignOut }: { onSignOut: () => void }) {
  const path = usePath();
  const [viewer] = useQuery({ query: ViewerDocument });
  const { tokens, selected, select } = useTokens();
  const page = PAGES.find((p) => p.path === path) ?? PAGES[0];
  useEffect(() => {
    document.title = `${page.title} · Homeroom`;
  }, [page]);
  return (
    <div className="shell" onClick={followLink}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Homeroom</span>
        <nav aria-label="Console">
          <ul>
            {PAGES.map((p) => (
              <li key={p.path}>
                <a href={p.path} aria-current={p.path === page.path ? 'page' : undefined}>
                  {p.title}
                </a>
              </li>
            ))}
            <li>
              <a href="/graphql">Explorer</a>
            </li>
          </ul>
        </nav>
        <div className="topbar-right">
          {tokens.length > 0 ? (
            <label>
              Token{' '}
              <select value={selected?.id ?? ''} onChange={(e) => select(e.target.value)}>
                {tokens.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <span className="muted" aria-label="Signed in as">
            {viewer.data ? `${viewer.data.viewer.name} (${viewer.data.viewer.role})` : ''}
          </span>
          <button type="button" onClick={onSignOut}>
            Forget key
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{page.title}</h1>
        {page.path === '/setup' ? <SetupPage /> : null}
        {page.path === '/profiles' ? <ProfilesPage /> : null}
        {page.path === '/devices' ? <DevicesPage /> : null}
        {page.path === '/sync' ? <SyncPage /> : null}
        {page.path === '/wall' ? <EnrollmentWallPage /> : null}
      </main>
      <CostFooter />
    </div>
  );
}

/** The last operation's `extensions.cost`, and what is left of the key's budget. */
function CostFooter() {
  const cost = useLastCost();
  const throttle = cost?.throttleStatus;
  return (
    <footer className="cost-footer muted" aria-label="Query cost">
      <span data-testid="last-cost" aria-live="off">
        {cost
          ? `Last operation${cost.operationName ? ` (${cost.operationName})` : ''} cost ${cost.requestedQueryCost}` +
            (throttle ? ` · budget ${throttle.currentlyAvailable}/${throttle.maximumAvailable}, +${throttle.restoreRate}/s` : '')
          : ''}
      </span>
    </footer>
  );
}

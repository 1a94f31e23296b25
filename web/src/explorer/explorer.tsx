/**
 * Homeroom's GraphQL explorer: GraphiQL bundled from npm (Monaco and its workers included), so it
 * works offline. Homeroom serves it at `/graphql` to browsers in development. The API key field
 * pre-fills `Authorization: Bearer <key>` in the headers editor; the fetcher sends the editor's
 * headers over HTTP and, for subscriptions, as graphql-ws `connectionParams` on the same URL
 * (Homeroom reads `Authorization` there as it does `authorization`).
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode, useMemo, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { bearer, storeApiKey, storedApiKey } from '../api-key';
import { websocketUrl } from '../client';
import './explorer.css';

const DEFAULT_QUERY = `# Homeroom's GraphQL API. Paste an API key above; Ctrl+Enter runs the query.
{
  viewer {
    name
    role
    permissions
  }
}
`;

function Explorer() {
  const [apiKey, setApiKey] = useState<string>(() => storedApiKey() ?? '');
  const [draft, setDraft] = useState(apiKey);
  // The key also goes under the editor's headers, so requests made before the editor is ready
  // (the schema's introspection) carry it; an Authorization typed in the editor wins.
  const fetcher = useMemo(() => {
    const authorization = apiKey ? { Authorization: bearer(apiKey) } : undefined;
    return createGraphiQLFetcher({
      url: '/graphql',
      subscriptionUrl: websocketUrl(),
      ...(authorization ? { headers: authorization, wsConnectionParams: authorization } : {}),
    });
  }, [apiKey]);
  const headers = apiKey ? JSON.stringify({ Authorization: bearer(apiKey) }, null, 2) : '';

  function submit(event: FormEvent) {
    event.preventDefault();
    const key = draft.trim();
    storeApiKey(key || null);
    setApiKey(key);
  }

  return (
    <div className="explorer">
      <form className="explorer-key" onSubmit={submit}>
        <strong>Homeroom</strong>
        <label htmlFor="explorer-api-key">API key</label>
        <input
          id="explorer-api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          placeholder="paste a key (data/admin-api-key.txt)"
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">Use key</button>
        <span role="status">
          {apiKey ? 'Authorization header set for HTTP and subscriptions.' : 'No key: requests get UNAUTHENTICATED.'}
        </span>
        <a href="/">Console</a>
      </form>
      {/* A new key remounts GraphiQL so its headers editor starts from the new Authorization. */}
      <GraphiQL
        key={apiKey}
        fetcher={fetcher}
        initialHeaders={headers}
        defaultHeaders={headers}
        defaultQuery={DEFAULT_QUERY}
        defaultEditorToolsVisibility={apiKey ? 'headers' : true}
        shouldPersistHeaders={false}
      />
    </div>
  );
}

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);

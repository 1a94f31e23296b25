/**
 * The first page: paste an API key. It is checked with `viewer` before it is kept (this tab only).
 */
import { useState, type FormEvent } from 'react';
import { createHomeroomClient } from '../client';
import { ErrorSummary } from '../components/error-summary';
import { apiErrors, type ApiError } from '../errors';
import { ViewerDocument } from '../gql/graphql';

export function KeyPage({ onKey }: { onKey: (key: string) => void }) {
  const [key, setKey] = useState('');
  const [errors, setErrors] = useState<ApiError[]>([]);
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecking(true);
    const trial = createHomeroomClient(key);
    const result = await trial.client.query(ViewerDocument, {}).toPromise();
    trial.dispose();
    setChecking(false);
    if (result.data) onKey(key.trim());
    else setErrors(apiErrors(result.error));
  }

  return (
    <main id="main" className="key-page">
      <h1>Homeroom console</h1>
      <p>
        Paste an API key. The first ADMIN key was printed when Homeroom first started and saved in <code>data/admin-api-key.txt</code>; more
        come from <code>npx homeroom api-key create</code>. The key stays in this tab only.
      </p>
      <form onSubmit={submit} className="card">
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={key}
          onChange={(e) => setKey(e.target.value)}
          aria-invalid={errors.length > 0}
        />
        <button type="submit" disabled={checking || key.trim() === ''}>
          {checking ? 'Checking…' : 'Use this key'}
        </button>
        <ErrorSummary errors={errors} />
      </form>
    </main>
  );
}

/**
 * The setup wizard, in the order Apple School Manager needs it: the MDM push certificate, the
 * public key to upload to the MDM server, the server token (`.p7m`) downloaded back, and the
 * token's health with its first sync, live.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { ErrorSummary, FieldError } from '../components/error-summary';
import { SyncProgressPanel } from '../components/sync-progress';
import { apiErrors, errorFor, type ApiError } from '../errors';
import {
  GenerateEncryptionPublicKeyDocument,
  RefreshTokenStatusDocument,
  SetupStateDocument,
  TokenHealthChangedDocument,
  UploadMdmPushCertificateDocument,
  UploadTokenDocument,
  type SetupStateQuery,
  type TokenHealthFragment,
} from '../gql/graphql';
import { useTokens } from '../tokens';
import { readTokenFile } from '../token-file';

export function SetupPage() {
  const [setup, refetchSetup] = useQuery({ query: SetupStateDocument });
  const refresh = () => refetchSetup({ requestPolicy: 'network-only' });
  return (
    <ol className="wizard">
      <li>
        <PushCertificateStep certificate={setup.data?.mdmPushCertificate ?? null} loaded={!!setup.data} onChanged={refresh} />
      </li>
      <li>
        <PublicKeyStep publicKey={setup.data?.encryptionPublicKey ?? null} onChanged={refresh} />
      </li>
      <li>
        <UploadTokenStep onUploaded={refresh} />
      </li>
      <li>
        <TokenHealthStep />
      </li>
    </ol>
  );
}

type Certificate = NonNullable<SetupStateQuery['mdmPushCertificate']>;

function PushCertificateStep({
  certificate,
  loaded,
  onChanged,
}: {
  certificate: Certificate | null;
  loaded: boolean;
  onChanged: () => void;
}) {
  const [result, upload] = useMutation(UploadMdmPushCertificateDocument);
  const [certificatePem, setCertificatePem] = useState('');
  const [privateKey, setPrivateKey] = useState('');
  const errors = apiErrors(result.error);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await upload({ input: { certificate: certificatePem, privateKey } });
    if (done.data) onChanged();
  }
  return (
    <section aria-labelledby="step-push" className="card">
      <h2 id="step-push">1. MDM push certificate</h2>
      {!loaded ? <p className="muted">Loading…</p> : null}
      {certificate ? (
        <dl className="facts">
          <dt>Topic</dt>
          <dd>{certificate.topic}</dd>
          <dt>Status</dt>
          <dd>
            <span className={`badge badge-${certificate.status}`}>{certificate.status}</span>
            {certificate.simulated ? <span className="badge">simulated (demo)</span> : null}
          </dd>
          <dt>Expires</dt>
          <dd>{new Date(certificate.expiresAt).toLocaleDateString()}</dd>
        </dl>
      ) : loaded ? (
        <p>No push certificate yet: tokens need one. Upload the certificate from the Apple Push Certificates Portal and its key.</p>
      ) : null}
      <details open={loaded && !certificate}>
        <summary>{certificate ? 'Replace the push certificate' : 'Upload a push certificate'}</summary>
        <form onSubmit={submit}>
          <label htmlFor="push-certificate">Certificate (PEM)</label>
          <textarea id="push-certificate" rows={4} value={certificatePem} onChange={(e) => setCertificatePem(e.target.value)} required />
          <label htmlFor="push-key">Private key (PEM)</label>
          <textarea id="push-key" rows={4} value={privateKey} onChange={(e) => setPrivateKey(e.target.value)} required />
          <button type="submit" disabled={result.fetching}>
            Upload push certificate
          </button>
          <ErrorSummary errors={errors} />
        </form>
      </details>
    </section>
  );
}

type PublicKey = NonNullable<SetupStateQuery['encryptionPublicKey']>;

function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-pem-file' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.setAttribute('download', fileName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function PublicKeyStep({ publicKey, onChanged }: { publicKey: PublicKey | null; onChanged: () => void }) {
  const [result, generate] = useMutation(GenerateEncryptionPublicKeyDocument);
  const replaced = result.data?.generateEncryptionPublicKey.replacedPrevious;
  async function generateKey() {
    if (publicKey && !confirm('A public key is already waiting. A token encrypted to it can no longer be uploaded. Replace it?')) return;
    const done = await generate({ input: {} });
    if (done.data) onChanged();
  }
  return (
    <section aria-labelledby="step-key" className="card">
      <h2 id="step-key">2. Public key for Apple School Manager</h2>
      <p>
        Upload this certificate to the MDM server in Apple School Manager (Preferences, Your MDM Servers), then download the server token.
      </p>
      {publicKey ? (
        <p>
          Waiting for a token since {new Date(publicKey.createdAt).toLocaleString()}; the certificate expires{' '}
          {new Date(publicKey.expiresAt).toLocaleDateString()}.
        </p>
      ) : (
        <p className="muted">No public key is waiting.</p>
      )}
      <div className="actions">
        <button type="button" onClick={generateKey} disabled={result.fetching}>
          {publicKey ? 'Generate a new public key' : 'Generate public key'}
        </button>
        {publicKey ? (
          <button type="button" onClick={() => downloadText('homeroom-public-key.pem', publicKey.certificate)}>
            Download public key (.pem)
          </button>
        ) : null}
      </div>
      {replaced ? <p role="status">The previous public key was discarded.</p> : null}
      <ErrorSummary errors={apiErrors(result.error)} />
    </section>
  );
}

function UploadTokenStep({ onUploaded }: { onUploaded: () => void }) {
  const { refetch, select } = useTokens();
  const [result, upload] = useMutation(UploadTokenDocument);
  const [name, setName] = useState('');
  const [appleId, setAppleId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<ApiError[]>([]);
  const errors = [...readError, ...apiErrors(result.error)];
  const fields = ['name', 'appleId', 'tokenFile'];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setReadError([]);
    let tokenFile: string;
    try {
      tokenFile = await readTokenFile(file);
    } catch (error) {
      setReadError([{ code: 'BAD_USER_INPUT', field: 'tokenFile', message: (error as Error).message, requestId: null }]);
      return;
    }
    const done = await upload({ input: { name, appleId, tokenFile } });
    if (done.data) {
      select(done.data.uploadToken.token.id);
      refetch();
      onUploaded();
    }
  }
  const described = (field: string) => (errorFor(errors, field) ? { 'aria-invalid': true, 'aria-describedby': `${field}-error` } : {});
  return (
    <section aria-labelledby="step-token" className="card">
      <h2 id="step-token">3. Upload the server token</h2>
      <form onSubmit={submit}>
        <label htmlFor="token-name">Token name</label>
        <input id="token-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} {...described('name')} />
        <FieldError id="name-error" error={errorFor(errors, 'name')} />
        <label htmlFor="token-apple-id">Apple ID that downloaded it</label>
        <input
          id="token-apple-id"
          type="email"
          value={appleId}
          onChange={(e) => setAppleId(e.target.value)}
          required
          {...described('appleId')}
        />
        <FieldError id="appleId-error" error={errorFor(errors, 'appleId')} />
        <label htmlFor="token-file">Server token (.p7m)</label>
        <input
          id="token-file"
          type="file"
          accept=".p7m,application/pkcs7-mime"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          required
          {...described('tokenFile')}
        />
        <FieldError id="tokenFile-error" error={errorFor(errors, 'tokenFile')} />
        <button type="submit" disabled={result.fetching || !file}>
          {result.fetching ? 'Uploading…' : 'Upload token'}
        </button>
        {result.data ? <p role="status">Token “{result.data.uploadToken.token.name}” uploaded; its first sync has started.</p> : null}
        <ErrorSummary errors={errors} fieldsShown={fields} />
      </form>
    </section>
  );
}

function TokenHealthStep() {
  const { tokens, selected, refetch } = useTokens();
  const [refreshed, refreshStatus] = useMutation(RefreshTokenStatusDocument);
  return (
    <section aria-labelledby="step-health" className="card">
      <h2 id="step-health">4. Token health</h2>
      {tokens.length === 0 ? <p className="muted">No token yet.</p> : null}
      <ul className="token-list">
        {tokens.map((token) => (
          <li key={token.id} aria-label={`Token ${token.name}`}>
            <LiveTokenHealth token={token} />
            <div className="actions">
              <button
                type="button"
                disabled={refreshed.fetching}
                onClick={async () => {
                  await refreshStatus({ input: { tokenId: token.id } });
                  refetch();
                }}
              >
                Check with Apple
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ErrorSummary errors={apiErrors(refreshed.error)} />
      {selected ? <SyncProgressPanel tokenId={selected.id} onEvent={(p) => p.status !== 'RUNNING' && refetch()} /> : null}
    </section>
  );
}

/**
 * One token's health, live from `tokenHealthChanged` (its snapshot, then each change), over what
 * the token query last said until the first value arrives.
 */
function LiveTokenHealth({ token }: { token: TokenHealthFragment }) {
  const [{ data }] = useSubscription({ query: TokenHealthChangedDocument, variables: { tokenId: token.id } });
  const live = data?.tokenHealthChanged;
  const status = live?.status ?? token.status;
  const reason = live?.statusReason ?? token.statusReason;
  const expiresAt = live?.expiresAt ?? token.expiresAt;
  const appleError = live ? live.lastAppleError : token.lastAppleError;
  return (
    <>
      <h3>
        {token.name}{' '}
        <span className={`badge badge-${status}`} data-testid="token-status">
          {status}
        </span>{' '}
        {live ? (
          <span className="muted live-note" title={`As of ${new Date(live.at).toLocaleTimeString()}`}>
            live
          </span>
        ) : null}
      </h3>
      <p data-testid="token-status-reason">{reason}</p>
      <dl className="facts">
        <dt>MDM server</dt>
        <dd>
          {token.serverName} ({token.organizationName})
        </dd>
        <dt>Devices</dt>
        <dd data-testid="token-device-count">{token.deviceCount}</dd>
        <dt>Profiles</dt>
        <dd>{token.profileCount}</dd>
        <dt>Expires</dt>
        <dd data-testid="token-expiry">
          {new Date(expiresAt).toLocaleDateString()}
          {live ? ` (${live.expiresInDays} ${live.expiresInDays === 1 ? 'day' : 'days'} left)` : null}
        </dd>
        {live ? (
          <>
            <dt>Apple's terms</dt>
            <dd>{live.termsAccepted ? 'accepted' : 'not accepted: accept them in Apple School Manager, then check with Apple'}</dd>
          </>
        ) : null}
        <dt>Last Apple error</dt>
        <dd data-testid="token-apple-error">
          {appleError
            ? `${appleError.code}${appleError.appleCode ? ` (${appleError.appleCode})` : ''}: ${appleError.message} · ${new Date(appleError.at).toLocaleString()}`
            : 'none'}
        </dd>
      </dl>
    </>
  );
}

/**
 * Enrollment profiles of the selected token: the list, and a form with every setting of seed 002.
 * The rules between settings are the API's: a refused save shows the API's message beside the
 * setting it names (`extensions.field`), and each choice's help text is the schema's description.
 */
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, FieldError } from '../components/error-summary';
import { apiErrors, errorFor, type ApiError } from '../errors';
import {
  CreateEnrollmentProfileDocument,
  ProfileOptionsDocument,
  SetDefaultEnrollmentProfileDocument,
  TokenProfilesDocument,
  UpdateEnrollmentProfileDocument,
  type PairingMode,
  type ProfileFieldsFragment,
  type SetupAssistantPane,
  type UserAffinity,
} from '../gql/graphql';
import { NoToken, useTokens } from '../tokens';

export function ProfilesPage() {
  const { selected } = useTokens();
  if (!selected) return <NoToken />;
  return <TokenProfiles tokenId={selected.id} />;
}

function TokenProfiles({ tokenId }: { tokenId: string }) {
  const [result, refetch] = useQuery({ query: TokenProfilesDocument, variables: { tokenId } });
  const [setDefaultResult, setDefault] = useMutation(SetDefaultEnrollmentProfileDocument);
  const [editing, setEditing] = useState<ProfileFieldsFragment | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const node = result.data?.node;
  const profiles = node && 'profiles' in node ? node.profiles.edges.map((e) => e.node) : [];
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <div className="actions">
        <button type="button" onClick={() => setEditing('new')}>
          New profile
        </button>
        {notice ? <p role="status">{notice}</p> : null}
      </div>
      <table className="table">
        <caption className="visually-hidden">Enrollment profiles</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Devices</th>
            <th scope="col">User affinity</th>
            <th scope="col">Supervised</th>
            <th scope="col">Shared iPad</th>
            <th scope="col">Default</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td>{p.deviceCount}</td>
              <td>{p.userAffinity === 'WITH_USER_AFFINITY' ? 'with' : 'without'}</td>
              <td>{p.supervised ? 'yes' : 'no'}</td>
              <td>{p.sharedIPad ? 'yes' : 'no'}</td>
              <td>
                {p.isDefault ? (
                  'default'
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    disabled={setDefaultResult.fetching}
                    onClick={async () => {
                      await setDefault({ input: { tokenId, profileId: p.id } });
                      reload();
                    }}
                  >
                    Make default<span className="visually-hidden"> for {p.name}</span>
                  </button>
                )}
              </td>
              <td>
                <button type="button" onClick={() => setEditing(p)}>
                  Edit<span className="visually-hidden"> {p.name}</span>
                </button>
              </td>
            </tr>
          ))}
          {profiles.length === 0 && !result.fetching ? (
            <tr>
              <td colSpan={7} className="muted">
                No profiles yet.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <ErrorSummary errors={[...apiErrors(result.error), ...apiErrors(setDefaultResult.error)]} />
      {editing ? (
        <ProfileForm
          key={editing === 'new' ? 'new' : editing.id}
          tokenId={tokenId}
          profile={editing === 'new' ? null : editing}
          onDone={(message) => {
            setEditing(null);
            setNotice(message);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

interface ProfileDraft {
  name: string;
  description: string;
  userAffinity: UserAffinity;
  supervised: boolean;
  lockedEnrollment: boolean;
  sharedIPad: boolean;
  maximumCachedUsers: string;
  pairing: PairingMode;
  configuratorCertificates: string;
  awaitDeviceConfigured: boolean;
  departmentName: string;
  departmentPhone: string;
  skippedPanes: SetupAssistantPane[];
}

function draftOf(profile: ProfileFieldsFragment | null): ProfileDraft {
  return {
    name: profile?.name ?? '',
    description: profile?.description ?? '',
    userAffinity: profile?.userAffinity ?? 'WITHOUT_USER_AFFINITY',
    supervised: profile?.supervised ?? true,
    lockedEnrollment: profile?.lockedEnrollment ?? false,
    sharedIPad: profile?.sharedIPad ?? false,
    maximumCachedUsers: profile?.maximumCachedUsers?.toString() ?? '',
    pairing: profile?.pairing ?? 'DENY_ALL',
    configuratorCertificates: profile?.configuratorCertificates.join('\n') ?? '',
    awaitDeviceConfigured: profile?.awaitDeviceConfigured ?? false,
    departmentName: profile?.departmentName ?? '',
    departmentPhone: profile?.departmentPhone ?? '',
    skippedPanes: [...(profile?.skippedPanes ?? [])],
  };
}

/** PEM blocks pasted one after another. */
function certificatesOf(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? (text.trim() ? [text.trim()] : []);
}

function ProfileForm({
  tokenId,
  profile,
  onDone,
  onCancel,
}: {
  tokenId: string;
  profile: ProfileFieldsFragment | null;
  onDone: (notice: string) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile));
  const [options] = useQuery({ query: ProfileOptionsDocument });
  const [created, create] = useMutation(CreateEnrollmentProfileDocument);
  const [updated, update] = useMutation(UpdateEnrollmentProfileDocument);
  const errors: ApiError[] = profile ? apiErrors(updated.error) : apiErrors(created.error);
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const panes = options.data?.panes?.enumValues ?? [];
  const pairings = options.data?.pairing?.enumValues ?? [];
  const affinities = options.data?.affinity?.enumValues ?? [];
  const fields = useMemo(
    () => [
      'name',
      'description',
      'userAffinity',
      'supervised',
      'lockedEnrollment',
      'sharedIPad',
      'maximumCachedUsers',
      'pairing',
      'configuratorCertificates',
      'awaitDeviceConfigured',
      'departmentName',
      'departmentPhone',
      'skippedPanes',
    ],
    [],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const settings = {
      name: draft.name,
      userAffinity: draft.userAffinity,
      supervised: draft.supervised,
      lockedEnrollment: draft.lockedEnrollment,
      sharedIPad: draft.sharedIPad,
      pairing: draft.pairing,
      awaitDeviceConfigured: draft.awaitDeviceConfigured,
      skippedPanes: draft.skippedPanes,
      description: draft.description.trim() || null,
      departmentName: draft.departmentName.trim() || null,
      departmentPhone: draft.departmentPhone.trim() || null,
      maximumCachedUsers: draft.maximumCachedUsers.trim() === '' ? null : Number(draft.maximumCachedUsers),
      configuratorCertificates: certificatesOf(draft.configuratorCertificates),
    };
    if (profile) {
      const done = await update({ input: { profileId: profile.id, ...settings } });
      const payload = done.data?.updateEnrollmentProfile;
      if (payload) {
        onDone(
          payload.sharedIPadTurnedOff
            ? `Saved “${payload.enrollmentProfile.name}”. Shared iPad was turned off: it needs user affinity and supervision.`
            : `Saved “${payload.enrollmentProfile.name}”${payload.redefinedAtApple ? `; ${payload.devicesMoved} devices moved to the new definition at Apple` : ''}.`,
        );
      }
    } else {
      const done = await create({ input: { tokenId, ...settings } });
      if (done.data) onDone(`Created “${done.data.createEnrollmentProfile.enrollmentProfile.name}”, defined at Apple.`);
    }
  }

  const invalid = (field: string) => (errorFor(errors, field) ? { 'aria-invalid': true, 'aria-describedby': `${field}-error` } : {});
  const error = (field: string) => <FieldError id={`${field}-error`} error={errorFor(errors, field)} />;
  const check = (field: 'supervised' | 'lockedEnrollment' | 'sharedIPad' | 'awaitDeviceConfigured', label: string, help: ReactNode) => (
    <div className="check">
      <input
        id={`profile-${field}`}
        type="checkbox"
        checked={draft[field]}
        onChange={(e) => set(field, e.target.checked)}
        {...invalid(field)}
      />
      <label htmlFor={`profile-${field}`}>{label}</label>
      <p className="help">{help}</p>
      {error(field)}
    </div>
  );

  return (
    <form onSubmit={submit} className="card profile-form" aria-labelledby="profile-form-title">
      <h2 id="profile-form-title">{profile ? `Edit “${profile.name}”` : 'New enrollment profile'}</h2>
      <div className="grid">
        <div>
          <label htmlFor="profile-name">Name</label>
          <input id="profile-name" value={draft.name} onChange={(e) => set('name', e.target.value)} required {...invalid('name')} />
          {error('name')}
          <label htmlFor="profile-description">Description (for admins)</label>
          <input
            id="profile-description"
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
            {...invalid('description')}
          />
          {error('description')}
          <fieldset {...invalid('userAffinity')}>
            <legend>User affinity</legend>
            {affinities.map((a) => (
              <div key={a.name} className="check">
                <input
                  type="radio"
                  id={`affinity-${a.name}`}
                  name="userAffinity"
                  checked={draft.userAffinity === a.name}
                  onChange={() => set('userAffinity', a.name as UserAffinity)}
                />
                <label htmlFor={`affinity-${a.name}`}>
                  {a.name === 'WITH_USER_AFFINITY' ? 'With user affinity' : 'Without user affinity'}
                </label>
                <p className="help">{a.description}</p>
              </div>
            ))}
          </fieldset>
          {error('userAffinity')}
          {check('supervised', 'Supervised', 'More management options; Activation Lock off by default.')}
          {check('lockedEnrollment', 'Locked enrollment', 'The management profile cannot be removed. Requires supervised.')}
          {check('sharedIPad', 'Shared iPad', 'Several students sign in. Requires user affinity and supervised.')}
          <label htmlFor="profile-maximumCachedUsers">Maximum cached users (Shared iPad, 1 to 96)</label>
          <input
            id="profile-maximumCachedUsers"
            type="number"
            min={1}
            max={96}
            value={draft.maximumCachedUsers}
            onChange={(e) => set('maximumCachedUsers', e.target.value)}
            {...invalid('maximumCachedUsers')}
          />
          {error('maximumCachedUsers')}
          {check('awaitDeviceConfigured', 'Await device configured', 'Setup waits until Homeroom releases the device.')}
        </div>
        <div>
          <label htmlFor="profile-pairing">Pairing</label>
          <select
            id="profile-pairing"
            value={draft.pairing}
            onChange={(e) => set('pairing', e.target.value as PairingMode)}
            {...invalid('pairing')}
          >
            {pairings.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
          <p className="help">{pairings.find((p) => p.name === draft.pairing)?.description}</p>
          {error('pairing')}
          <label htmlFor="profile-configuratorCertificates">Apple Configurator certificates (PEM, with “By certificate” pairing)</label>
          <textarea
            id="profile-configuratorCertificates"
            rows={3}
            value={draft.configuratorCertificates}
            onChange={(e) => set('configuratorCertificates', e.target.value)}
            {...invalid('configuratorCertificates')}
          />
          {error('configuratorCertificates')}
          <label htmlFor="profile-departmentName">Department (About Configuration)</label>
          <input
            id="profile-departmentName"
            value={draft.departmentName}
            onChange={(e) => set('departmentName', e.target.value)}
            {...invalid('departmentName')}
          />
          {error('departmentName')}
          <label htmlFor="profile-departmentPhone">Support phone (Need Help)</label>
          <input
            id="profile-departmentPhone"
            type="tel"
            value={draft.departmentPhone}
            onChange={(e) => set('departmentPhone', e.target.value)}
            {...invalid('departmentPhone')}
          />
          {error('departmentPhone')}
        </div>
      </div>
      <fieldset className="panes" {...invalid('skippedPanes')}>
        <legend>Setup Assistant panes to skip</legend>
        {panes.map((pane) => (
          <div key={pane.name} className="check">
            <input
              type="checkbox"
              id={`pane-${pane.name}`}
              checked={draft.skippedPanes.includes(pane.name as SetupAssistantPane)}
              onChange={(e) =>
                set(
                  'skippedPanes',
                  e.target.checked
                    ? [...draft.skippedPanes, pane.name as SetupAssistantPane]
                    : draft.skippedPanes.filter((p) => p !== pane.name),
                )
              }
            />
            <label htmlFor={`pane-${pane.name}`} title={pane.description ?? undefined}>
              {pane.name.toLowerCase().replace(/_/g, ' ')}
            </label>
          </div>
        ))}
      </fieldset>
      {error('skippedPanes')}
      <div className="actions">
        <button type="submit" disabled={created.fetching || updated.fetching}>
          {profile ? 'Save profile' : 'Create profile'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ErrorSummary errors={errors} fieldsShown={fields} />
    </form>
  );
}

/**
 * The enrollment wall: a tile per device that has contacted Homeroom, changing colour as it moves
 * through the enrollment states (`deviceEnrollmentChanged`), and the token's count per state
 * (the subscription's snapshot, then one move per event). Above it, the rehearsal panel starts N
 * virtual iPads of the token (development, with the built-in Apple simulator) to watch them move.
 */
import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { ErrorSummary } from '../components/error-summary';
import { RehearsalPanel } from '../components/rehearsal-panel';
import { apiErrors } from '../errors';
import { DeviceEnrollmentChangedDocument, EnrollmentWallDocument, type EnrollmentState, type WallDeviceFragment } from '../gql/graphql';
import { NoToken, useTokens } from '../tokens';

const CONTACTED: EnrollmentState[] = ['AWAITING_USER', 'ENROLLING', 'AWAITING_CONFIGURATION', 'ENROLLED', 'FAILED', 'UNENROLLED'];
const ORDER: EnrollmentState[] = ['NOT_CONTACTED', ...CONTACTED];

export function EnrollmentWallPage() {
  const { selected } = useTokens();
  if (!selected) return <NoToken />;
  return <Wall key={selected.id} tokenId={selected.id} />;
}

interface Tile {
  readonly serialNumber: string;
  readonly model: string | null;
  readonly state: EnrollmentState;
}

function Wall({ tokenId }: { tokenId: string }) {
  const [initial] = useQuery({ query: EnrollmentWallDocument, variables: { tokenId, states: CONTACTED } });
  const [tiles, setTiles] = useState<ReadonlyMap<string, Tile>>(new Map());
  const [counts, setCounts] = useState<Partial<Record<EnrollmentState, number>>>({});
  const [live, setLive] = useState(false);

  useEffect(() => {
    const node = initial.data?.node;
    if (!node || !('devices' in node)) return;
    setTiles((current) => {
      const next = new Map(current);
      for (const { node: d } of node.devices.edges) if (!next.has(d.serialNumber)) next.set(d.serialNumber, tileOf(d));
      return next;
    });
  }, [initial.data]);

  const [{ error }] = useSubscription({ query: DeviceEnrollmentChangedDocument, variables: { tokenId } }, (_previous, event) => {
    const change = event.deviceEnrollmentChanged;
    if (change.snapshot) {
      setCounts(Object.fromEntries((change.stateCounts ?? []).map((c) => [c.state, c.count])));
      setLive(true);
    } else if (change.device && change.state) {
      const device = change.device;
      const state = change.state;
      const previous = change.previousState;
      setTiles((current) => new Map(current).set(device.serialNumber, { ...tileOf(device), state }));
      setCounts((c) => ({ ...c, ...(previous ? { [previous]: Math.max(0, (c[previous] ?? 0) - 1) } : {}), [state]: (c[state] ?? 0) + 1 }));
    }
    return event;
  });

  const sorted = [...tiles.values()].sort((a, b) => a.serialNumber.localeCompare(b.serialNumber));
  return (
    <>
      <RehearsalPanel tokenId={tokenId} />
      <p className="muted">{live ? 'Live: tiles change as devices enroll.' : 'Connecting…'}</p>
      <ul className="state-counts" aria-label="Devices per enrollment state">
        {ORDER.map((state) => (
          <li key={state} className={`state-${state}`} data-testid={`count-${state}`}>
            <strong>{counts[state] ?? 0}</strong> {state.toLowerCase().replace(/_/g, ' ')}
          </li>
        ))}
      </ul>
      <ul className="wall" aria-label="Enrollment tiles" aria-live="polite" aria-relevant="additions text">
        {sorted.map((tile) => (
          <li
            key={tile.serialNumber}
            className={`tile state-${tile.state}`}
            aria-label={`${tile.serialNumber}: ${tile.state}`}
            data-state={tile.state}
          >
            <span className="mono">{tile.serialNumber}</span>
            <span className="tile-model">{tile.model}</span>
            <span className="tile-state">{tile.state}</span>
          </li>
        ))}
      </ul>
      {sorted.length === 0 ? <p className="muted">No device has contacted Homeroom yet.</p> : null}
      <ErrorSummary errors={[...apiErrors(initial.error), ...apiErrors(error)]} />
    </>
  );
}

function tileOf(device: WallDeviceFragment): Tile {
  return { serialNumber: device.serialNumber, model: device.model ?? null, state: device.enrollment.state };
}

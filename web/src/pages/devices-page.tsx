/**
 * The selected token's devices: the `devices` connection's filters, search by serial, pages of
 * 500 loaded as the list scrolls, and windowed rows, so 10,000 devices scroll like 30. Rows can be
 * selected one by one or as "everything matching the filter", then assigned a profile: a preview
 * (`assignProfile` with `preview: true`) in a dialog, then the job with its live progress.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { ErrorSummary } from '../components/error-summary';
import { useVirtualRows } from '../components/use-virtual-rows';
import { apiErrors, type ApiError } from '../errors';
import {
  TokenDevicesDocument,
  TokenModelsDocument,
  TokenProfilesDocument,
  type DeviceFilterInput,
  type DeviceOrderField,
  type DeviceOrderInput,
  type DeviceProfileStatus,
  type DeviceRowFragment,
  type DeviceSelectionInput,
  type EnrollmentState,
} from '../gql/graphql';
import { NoToken, useTokens } from '../tokens';
import { AssignDialog } from './assign-dialog';

const PAGE_SIZE = 500;
const ROW_HEIGHT = 36;
const STATES: EnrollmentState[] = [
  'NOT_CONTACTED',
  'AWAITING_USER',
  'ENROLLING',
  'AWAITING_CONFIGURATION',
  'ENROLLED',
  'FAILED',
  'UNENROLLED',
];
const PROFILE_STATUSES: DeviceProfileStatus[] = ['EMPTY', 'ASSIGNED', 'PUSHED', 'REMOVED'];
/** Apple's `device_family` values, as the schema lists them (matched in any case). */
const DEVICE_FAMILIES = ['iPad', 'iPhone', 'iPod', 'Mac', 'AppleTV'];
/** Apple's `os` values: iPads report `iPadOS` from protocol 7 (`iOS` before); Macs report `OSX`. */
const OPERATING_SYSTEMS: { value: string; label: string }[] = [
  { value: 'iOS', label: 'iOS' },
  { value: 'iPadOS', label: 'iPadOS' },
  { value: 'OSX', label: 'macOS (OSX)' },
  { value: 'tvOS', label: 'tvOS' },
];

/** The sortable columns, with the `orderBy` field each sorts by. */
const COLUMNS: { label: string; field: DeviceOrderField | null }[] = [
  { label: 'Serial', field: 'SERIAL_NUMBER' },
  { label: 'Model', field: 'MODEL' },
  { label: 'Profile', field: null },
  { label: 'Apple status', field: null },
  { label: 'First seen', field: 'FIRST_SEEN_AT' },
  { label: 'Last contact', field: 'LAST_CONTACTED_AT' },
  { label: 'Enrollment', field: 'ENROLLMENT_STATE' },
];

/** A date and time as the browser's locale writes it, short. */
function shortDate(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' }) : '';
}

interface Filters {
  serial: string;
  model: string;
  /** '' any or none, 'ANY', 'UNASSIGNED', or a profile's ID. */
  profile: string;
  removed: boolean;
  movedAway: boolean;
  requiresWipe: '' | 'yes' | 'no';
  states: EnrollmentState[];
  profileStatuses: DeviceProfileStatus[];
  /** '' any, or one `deviceFamily`. */
  deviceFamily: string;
  /** '' any, or one `os`. */
  os: string;
  /** Dates as `<input type="date">` writes them (YYYY-MM-DD), '' for no bound; `to` days are excluded. */
  firstSeenFrom: string;
  firstSeenTo: string;
  lastSeenFrom: string;
  lastSeenTo: string;
}

const NO_FILTERS: Filters = {
  serial: '',
  model: '',
  profile: '',
  removed: false,
  movedAway: false,
  requiresWipe: '',
  states: [],
  profileStatuses: [],
  deviceFamily: '',
  os: '',
  firstSeenFrom: '',
  firstSeenTo: '',
  lastSeenFrom: '',
  lastSeenTo: '',
};

/** A date input's day as the instant its local midnight starts, or undefined when empty or invalid. */
function startOfDay(day: string): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A `DateTimeRangeInput` from two date inputs (`to` excluded), or undefined when both are empty. */
function dateRange(from: string, to: string): DeviceFilterInput['firstSeen'] {
  const range = { from: startOfDay(from), to: startOfDay(to) };
  if (range.from === undefined && range.to === undefined) return undefined;
  return {
    ...(range.from === undefined ? {} : { from: range.from }),
    ...(range.to === undefined ? {} : { to: range.to }),
  };
}

export function filterInput(filters: Filters): DeviceFilterInput {
  const input: DeviceFilterInput = {};
  if (filters.serial.trim()) input.serialContains = filters.serial.trim();
  if (filters.model.trim()) input.model = filters.model.trim();
  if (filters.profile === 'ANY' || filters.profile === 'UNASSIGNED') input.profile = { assignment: filters.profile };
  else if (filters.profile) input.profile = { assignment: 'PROFILE', profileId: filters.profile };
  if (filters.removed) input.removed = true;
  if (filters.movedAway) input.movedAway = true;
  if (filters.requiresWipe) input.requiresWipe = filters.requiresWipe === 'yes';
  if (filters.states.length > 0) input.enrollmentStates = filters.states;
  if (filters.profileStatuses.length > 0) input.profileStatuses = filters.profileStatuses;
  if (filters.deviceFamily) input.deviceFamilies = [filters.deviceFamily];
  if (filters.os) input.operatingSystems = [filters.os];
  const firstSeen = dateRange(filters.firstSeenFrom, filters.firstSeenTo);
  if (firstSeen) input.firstSeen = firstSeen;
  const lastSeen = dateRange(filters.lastSeenFrom, filters.lastSeenTo);
  if (lastSeen) input.lastSeen = lastSeen;
  return input;
}

export function DevicesPage() {
  const { selected } = useTokens();
  if (!selected) return <NoToken />;
  return <TokenDevices key={selected.id} tokenId={selected.id} />;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function TokenDevices({ tokenId }: { tokenId: string }) {
  const client = useClient();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const applied = useDebounced(filters, 300);
  const [orderBy, setOrderBy] = useState<DeviceOrderInput | null>(null);
  const [modelsResult] = useQuery({ query: TokenModelsDocument, variables: { tokenId } });
  const modelsNode = modelsResult.data?.node;
  const models = modelsNode && 'models' in modelsNode ? modelsNode.models : [];
  const [rows, setRows] = useState<DeviceRowFragment[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<{ after: string | null; more: boolean }>({ after: null, more: false });
  const [loading, setLoading] = useState(false);
  const [errors, setErrors] = useState<ApiError[]>([]);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [assigning, setAssigning] = useState<DeviceSelectionInput | null>(null);
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);
  const [profilesResult] = useQuery({ query: TokenProfilesDocument, variables: { tokenId } });
  const profileNode = profilesResult.data?.node;
  const profiles = profileNode && 'profiles' in profileNode ? profileNode.profiles.edges.map((e) => e.node) : [];

  const loadPage = useCallback(
    async (after: string | null, reset: boolean) => {
      const mine = reset ? ++generation.current : generation.current;
      setLoading(true);
      const result = await client
        .query(TokenDevicesDocument, { tokenId, first: PAGE_SIZE, after, filter: filterInput(applied), orderBy })
        .toPromise();
      if (mine !== generation.current) return;
      setLoading(false);
      const node = result.data?.node;
      if (!node || !('devices' in node)) {
        setErrors(apiErrors(result.error));
        return;
      }
      setErrors([]);
      const page = node.devices.edges.map((e) => e.node);
      setRows((previous) => (reset ? page : [...previous, ...page]));
      setTotal(node.devices.totalCount);
      setCursor({ after: node.devices.pageInfo.endCursor ?? null, more: node.devices.pageInfo.hasNextPage });
    },
    [client, tokenId, applied, orderBy],
  );

  useEffect(() => {
    setSelectedIds(new Set());
    setAllMatching(false);
    void loadPage(null, true);
  }, [loadPage, reloads]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows(scroller, rows.length, ROW_HEIGHT);
  // Load the next page when the window nears the end of what is loaded.
  useEffect(() => {
    if (cursor.more && !loading && virtual.end >= rows.length - 20) void loadPage(cursor.after, false);
  }, [virtual.end, rows.length, cursor, loading, loadPage]);

  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    scroller.current?.querySelector<HTMLInputElement>(`input[data-index="${focusIndex}"]`)?.focus();
  }, [focusIndex, virtual.start]);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = Number((event.target as HTMLElement).dataset.index);
    if (Number.isNaN(index)) return;
    const next =
      event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? rows.length - 1
              : null;
    if (next === null || next < 0 || next >= rows.length) return;
    event.preventDefault();
    virtual.scrollToIndex(next);
    setFocusIndex(next);
  };

  const toggle = (id: string) => {
    setAllMatching(false);
    setSelectedIds((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const selectionCount = allMatching ? (total ?? 0) : selectedIds.size;
  /** A column header's click: order by it ascending, again to descend. */
  const sortBy = (field: DeviceOrderField) =>
    setOrderBy((current) => ({ field, direction: current?.field === field && current.direction !== 'DESC' ? 'DESC' : 'ASC' }));
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <>
      <form className="filters card" role="search" aria-label="Device filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="filter-serial">Search by serial</label>
          <input id="filter-serial" type="search" value={filters.serial} onChange={(e) => set('serial', e.target.value)} maxLength={64} />
        </div>
        <div>
          <label htmlFor="filter-model">Model</label>
          <select id="filter-model" value={filters.model} onChange={(e) => set('model', e.target.value)}>
            <option value="">Any model</option>
            {models.map((m) => (
              <option key={m.model} value={m.model}>
                {m.model} ({m.deviceCount})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-family">Device family</label>
          <select id="filter-family" value={filters.deviceFamily} onChange={(e) => set('deviceFamily', e.target.value)}>
            <option value="">Any family</option>
            {DEVICE_FAMILIES.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-os">OS</label>
          <select id="filter-os" value={filters.os} onChange={(e) => set('os', e.target.value)}>
            <option value="">Any OS</option>
            {OPERATING_SYSTEMS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <DateRangeFilter
          label="First seen"
          id="filter-first-seen"
          from={filters.firstSeenFrom}
          to={filters.firstSeenTo}
          onFrom={(value) => set('firstSeenFrom', value)}
          onTo={(value) => set('firstSeenTo', value)}
        />
        <DateRangeFilter
          label="Last seen"
          id="filter-last-seen"
          from={filters.lastSeenFrom}
          to={filters.lastSeenTo}
          onFrom={(value) => set('lastSeenFrom', value)}
          onTo={(value) => set('lastSeenTo', value)}
        />
        <div>
          <label htmlFor="filter-profile">Profile</label>
          <select id="filter-profile" value={filters.profile} onChange={(e) => set('profile', e.target.value)}>
            <option value="">Any or none</option>
            <option value="ANY">With a profile</option>
            <option value="UNASSIGNED">Without a profile</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-wipe">Needs a wipe</label>
          <select
            id="filter-wipe"
            value={filters.requiresWipe}
            onChange={(e) => set('requiresWipe', e.target.value as Filters['requiresWipe'])}
          >
            <option value="">Either</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </div>
        <div>
          <label htmlFor="filter-states">Enrollment states</label>
          <select
            id="filter-states"
            multiple
            size={3}
            value={filters.states}
            onChange={(e) =>
              set(
                'states',
                [...e.target.selectedOptions].map((o) => o.value as EnrollmentState),
              )
            }
          >
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-apple-status">Apple profile status</label>
          <select
            id="filter-apple-status"
            multiple
            size={3}
            value={filters.profileStatuses}
            onChange={(e) =>
              set(
                'profileStatuses',
                [...e.target.selectedOptions].map((o) => o.value as DeviceProfileStatus),
              )
            }
          >
            {PROFILE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="check-column">
          <div className="check">
            <input id="filter-removed" type="checkbox" checked={filters.removed} onChange={(e) => set('removed', e.target.checked)} />
            <label htmlFor="filter-removed">Removed by Apple</label>
          </div>
          <div className="check">
            <input id="filter-moved" type="checkbox" checked={filters.movedAway} onChange={(e) => set('movedAway', e.target.checked)} />
            <label htmlFor="filter-moved">Moved to another token</label>
          </div>
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        </div>
      </form>

      <div className="toolbar" role="toolbar" aria-label="Selection">
        <span aria-live="polite" data-testid="device-count">
          {total === null ? 'Loading…' : `${total} devices${rows.length < total ? ` (${rows.length} loaded)` : ''}`}
        </span>
        <button
          type="button"
          disabled={!total}
          onClick={() => {
            setAllMatching(true);
            setSelectedIds(new Set(rows.map((r) => r.id)));
          }}
        >
          Select all {total ?? ''} matching
        </button>
        <button
          type="button"
          disabled={selectionCount === 0}
          onClick={() => {
            setAllMatching(false);
            setSelectedIds(new Set());
          }}
        >
          Clear selection
        </button>
        <span data-testid="selection-count">{selectionCount} selected</span>
        <button
          type="button"
          className="primary"
          disabled={selectionCount === 0 || profiles.length === 0}
          onClick={() => setAssigning(allMatching ? { filter: filterInput(applied) } : { ids: [...selectedIds] })}
        >
          Assign profile…
        </button>
      </div>
      <ErrorSummary errors={errors} />

      <div className="device-table" role="table" aria-label="Devices" aria-rowcount={(total ?? rows.length) + 1}>
        <div role="rowgroup" className="device-head">
          <div role="row" className="device-row" aria-rowindex={1}>
            <span role="columnheader" className="cell-check">
              <span className="visually-hidden">Selected</span>
            </span>
            {COLUMNS.map(({ label, field }) => {
              const sorted = field !== null && orderBy?.field === field;
              return (
                <span
                  key={label}
                  role="columnheader"
                  aria-sort={field === null ? undefined : sorted ? (orderBy.direction === 'DESC' ? 'descending' : 'ascending') : 'none'}
                >
                  {field === null ? (
                    label
                  ) : (
                    <button type="button" className="sort-button" onClick={() => sortBy(field)}>
                      {label}
                      <span aria-hidden="true">{sorted ? (orderBy.direction === 'DESC' ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  )}
                </span>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="device-body" ref={scroller} onKeyDown={onKeyDown}>
          <div style={{ height: virtual.totalHeight, position: 'relative' }}>
            <div style={{ transform: `translateY(${virtual.offsetTop}px)` }}>
              {rows.slice(virtual.start, virtual.end).map((row, i) => {
                const index = virtual.start + i;
                const checked = allMatching || selectedIds.has(row.id);
                return (
                  <div
                    role="row"
                    key={row.id}
                    className={checked ? 'device-row selected' : 'device-row'}
                    aria-rowindex={index + 2}
                    aria-selected={checked}
                    style={{ height: ROW_HEIGHT }}
                  >
                    <span role="cell" className="cell-check">
                      <input
                        type="checkbox"
                        data-index={index}
                        aria-label={`Select ${row.serialNumber}`}
                        checked={checked}
                        onChange={() => toggle(row.id)}
                      />
                    </span>
                    <span role="cell" className="mono">
                      {row.serialNumber}
                    </span>
                    <span role="cell">{row.model}</span>
                    <span role="cell">{row.profile?.name ?? <span className="muted">none</span>}</span>
                    <span role="cell">
                      {row.profileStatus}
                      {row.requiresWipe ? <span className="badge badge-EXPIRING_SOON">wipe</span> : null}
                      {row.removedAt ? <span className="badge">removed</span> : null}
                    </span>
                    <span role="cell">{shortDate(row.firstSeenAt)}</span>
                    <span role="cell">{shortDate(row.enrollment.lastContactedAt) || <span className="muted">never</span>}</span>
                    <span role="cell">
                      <span className={`badge state-${row.enrollment.state}`}>{row.enrollment.state}</span>
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
      {loading ? <p className="muted">Loading devices…</p> : null}

      {assigning ? (
        <AssignDialog
          profiles={profiles}
          selection={assigning}
          count={selectionCount}
          onClose={(changed) => {
            setAssigning(null);
            if (changed) setReloads((n) => n + 1);
          }}
        />
      ) : null}
    </>
  );
}

/** A labelled pair of dates: `from` included, `to` ("before") excluded, as the API's ranges are. */
function DateRangeFilter(props: {
  label: string;
  id: string;
  from: string;
  to: string;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
}) {
  return (
    <fieldset className="date-range">
      <legend>{props.label}</legend>
      <label htmlFor={`${props.id}-from`}>{props.label} from</label>
      <input
        id={`${props.id}-from`}
        type="date"
        value={props.from}
        max={props.to || undefined}
        onChange={(e) => props.onFrom(e.target.value)}
      />
      <label htmlFor={`${props.id}-to`}>{props.label} before</label>
      <input
        id={`${props.id}-to`}
        type="date"
        value={props.to}
        min={props.from || undefined}
        onChange={(e) => props.onTo(e.target.value)}
      />
    </fieldset>
  );
}

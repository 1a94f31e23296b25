/**
 * How Apple writes a device in fetch, sync and details responses (reference section 6), by
 * `X-Server-Protocol-Version`: `os` and `device_family` from version 2, `iPadOS` instead of
 * `iOS` from version 7, `mdm_migration_deadline` from version 8. Profile fields appear only once a profile was ever assigned; a `deleted`
 * sync record carries only identity and assignment fields, as in Apple's example.
 */
import type { Sku } from './organization.js';
import type { DeviceRecord, DeviceState, OpType } from './state.js';
import { rfc3339 } from './token-file.js';

/** A device as JSON on the wire. */
export type WireDevice = Record<string, string | boolean>;

/** The `os` value Apple reports for an iPad at this protocol version. */
export function osFor(protocol: number): string {
  return protocol >= 7 ? 'iPadOS' : 'iOS';
}

/** The fields every record of a device carries, `deleted` sync records included. */
function wireIdentity(device: DeviceRecord, protocol: number): WireDevice {
  const out: WireDevice = {
    serial_number: device.serial,
    model: device.sku.model,
    description: device.sku.description,
    color: device.sku.color,
  };
  if (protocol >= 2) {
    out.os = osFor(protocol);
    out.device_family = device.sku.deviceFamily;
  }
  return out;
}

/** A device record as fetch and details return it (details add `response_status`). */
export function wireDevice(device: DeviceRecord, state: DeviceState, protocol: number): WireDevice {
  const out = wireIdentity(device, protocol);
  out.profile_status = state.profileStatus;
  if (state.profileStatus !== 'empty' && state.profileUuid !== null) {
    out.profile_uuid = state.profileUuid;
    if (state.profileAssignedAt !== null) out.profile_assign_time = rfc3339(state.profileAssignedAt);
    if (state.profilePushedAt !== null) out.profile_push_time = rfc3339(state.profilePushedAt);
  }
  if (state.assignedAt !== null) out.device_assigned_date = rfc3339(state.assignedAt);
  if (state.assignedBy !== null) out.device_assigned_by = state.assignedBy;
  if (protocol >= 8 && state.migrationDeadline) out.mdm_migration_deadline = state.migrationDeadline;
  return out;
}

/** A sync record: the device as it was at the change, with `op_type` and `op_date`. */
export function wireChange(device: DeviceRecord, state: DeviceState, op: OpType, at: number, protocol: number): WireDevice {
  if (op !== 'deleted') return { ...wireDevice(device, state, protocol), op_type: op, op_date: rfc3339(at) };
  const out = wireIdentity(device, protocol);
  if (state.assignedAt !== null) out.device_assigned_date = rfc3339(state.assignedAt);
  if (state.assignedBy !== null) out.device_assigned_by = state.assignedBy;
  out.op_type = op;
  out.op_date = rfc3339(at);
  return out;
}

/** The protocol versions that write a device differently: below 2, 2 to 6, 7 and up. */
function variant(protocol: number): 0 | 1 | 2 {
  return protocol >= 7 ? 2 : protocol >= 2 ? 1 : 0;
}

const skuFragments = new WeakMap<Sku, string[]>();

/** `,"model":...,"color":...[,"os":...,"device_family":...]` for a SKU, shared by all its devices. */
function skuFragment(sku: Sku, protocol: number): string {
  let fragments = skuFragments.get(sku);
  if (!fragments) {
    fragments = [];
    skuFragments.set(sku, fragments);
  }
  const index = variant(protocol);
  let fragment = fragments[index];
  if (fragment === undefined) {
    fragment = `,"model":${JSON.stringify(sku.model)},"description":${JSON.stringify(sku.description)},"color":${JSON.stringify(sku.color)}`;
    if (protocol >= 2) fragment += `,"os":${JSON.stringify(osFor(protocol))},"device_family":${JSON.stringify(sku.deviceFamily)}`;
    fragments[index] = fragment;
  }
  return fragment;
}

function assignmentFragment(state: DeviceState): string {
  let out = '';
  if (state.assignedAt !== null) out += `,"device_assigned_date":"${rfc3339(state.assignedAt)}"`;
  if (state.assignedBy !== null) out += `,"device_assigned_by":${JSON.stringify(state.assignedBy)}`;
  return out;
}

/**
 * `JSON.stringify(wireDevice(...))`, built as text. Fetch and sync pages of 1000 are the hot
 * path of every benchmark; skipping the intermediate objects and sharing the SKU part halves
 * their cost. The tests hold the two forms equal.
 */
export function wireDeviceJson(device: DeviceRecord, state: DeviceState, protocol: number): string {
  let out = `{"serial_number":${JSON.stringify(device.serial)}${skuFragment(device.sku, protocol)},"profile_status":"${state.profileStatus}"`;
  if (state.profileStatus !== 'empty' && state.profileUuid !== null) {
    out += `,"profile_uuid":${JSON.stringify(state.profileUuid)}`;
    if (state.profileAssignedAt !== null) out += `,"profile_assign_time":"${rfc3339(state.profileAssignedAt)}"`;
    if (state.profilePushedAt !== null) out += `,"profile_push_time":"${rfc3339(state.profilePushedAt)}"`;
  }
  const deadline = protocol >= 8 && state.migrationDeadline ? `,"mdm_migration_deadline":${JSON.stringify(state.migrationDeadline)}` : '';
  return `${out}${assignmentFragment(state)}${deadline}}`;
}

/** `JSON.stringify(wireChange(...))`, built as text (see `wireDeviceJson`). */
export function wireChangeJson(device: DeviceRecord, state: DeviceState, op: OpType, at: number, protocol: number): string {
  const tail = `,"op_type":"${op}","op_date":"${rfc3339(at)}"}`;
  if (op !== 'deleted') return wireDeviceJson(device, state, protocol).slice(0, -1) + tail;
  return `{"serial_number":${JSON.stringify(device.serial)}${skuFragment(device.sku, protocol)}${assignmentFragment(state)}${tail}`;
}

/**
 * Each device's small command queue: commands wait in order of creation; a connect takes
 * the oldest one not yet answered, and the device's answer ends it. `NotNow` puts a command back:
 * it is sent again on a later connect, never in the same one (the device just said it is busy).
 * A command sent but never answered (the device lost its connection) is sent again too: a device
 * that reports Idle holds no command.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { In } from 'typeorm';
import { MdmCommand, type CommandStatusName } from '../../entities/mdm-command.entity.js';
import type { ConnectStatus } from '../../mdm/mdm-messages.js';

/** A command's dictionary: what `Command` holds in the plist sent to the device. */
export type CommandBody = { readonly RequestType: string } & Readonly<Record<string, string | number | boolean | string[] | object>>;

/** Statuses of a command that still has to reach the device. */
const WAITING: CommandStatusName[] = ['QUEUED', 'NOT_NOW', 'SENT'];

const ANSWERED: Record<Exclude<ConnectStatus, 'Idle'>, CommandStatusName> = {
  Acknowledged: 'ACKNOWLEDGED',
  Error: 'ERROR',
  CommandFormatError: 'COMMAND_FORMAT_ERROR',
  NotNow: 'NOT_NOW',
};

export async function enqueueCommand(tx: EntityManager, deviceId: number, command: CommandBody, now: Date): Promise<MdmCommand> {
  const row = tx.getRepository(MdmCommand).create({
    deviceId,
    commandUuid: randomUUID().toUpperCase(),
    requestType: command.RequestType,
    command: { ...command },
    status: 'QUEUED',
    errorChain: null,
    createdAt: now,
    sentAt: null,
    answeredAt: null,
  });
  return tx.getRepository(MdmCommand).save(row);
}

/** True when a command of `requestType` is waiting for the device. */
export async function hasWaitingCommand(tx: EntityManager, deviceId: number, requestType: string): Promise<boolean> {
  return (await tx.getRepository(MdmCommand).count({ where: { deviceId, requestType, status: In(WAITING) } })) > 0;
}

/** The device's oldest command of `requestType` still waiting, or null. */
export function findWaitingCommand(tx: EntityManager, deviceId: number, requestType: string): Promise<MdmCommand | null> {
  return tx.getRepository(MdmCommand).findOne({ where: { deviceId, requestType, status: In(WAITING) }, order: { id: 'ASC' } });
}

/** Drops what the device has not answered: a new enrollment or a check-out starts with an empty queue. */
export async function clearQueue(tx: EntityManager, deviceId: number): Promise<void> {
  await tx.getRepository(MdmCommand).delete({ deviceId, status: In(WAITING) });
}

/** The device's command `commandUuid`, or null when it is not one of its commands. */
export function findCommand(tx: EntityManager, deviceId: number, commandUuid: string): Promise<MdmCommand | null> {
  return tx.getRepository(MdmCommand).findOneBy({ deviceId, commandUuid });
}

/** Records the device's answer to `command`. */
export async function recordAnswer(
  tx: EntityManager,
  command: MdmCommand,
  status: Exclude<ConnectStatus, 'Idle'>,
  errorChain: readonly unknown[],
  now: Date,
): Promise<void> {
  command.status = ANSWERED[status];
  command.answeredAt = now;
  command.errorChain = errorChain.length > 0 ? [...errorChain] : null;
  // update(), not save(): save() reads the row back first, a statement per answer for nothing. The
  // cast: TypeORM's deep partial type cannot follow `unknown[]`; the column's transformer writes it.
  const answered = { status: command.status, answeredAt: now, errorChain: command.errorChain } as QueryDeepPartialEntity<MdmCommand>;
  await tx.getRepository(MdmCommand).update({ id: command.id }, answered);
}

/**
 * The next command to send, marked SENT, or null when nothing waits. Null too right after a
 * `NotNow`: the session ends there, and what waits goes out on the device's next connect.
 */
export async function takeNextCommand(tx: EntityManager, deviceId: number, now: Date, afterNotNow: boolean): Promise<MdmCommand | null> {
  if (afterNotNow) return null;
  const next = await tx.getRepository(MdmCommand).findOne({ where: { deviceId, status: In(WAITING) }, order: { id: 'ASC' } });
  return next ? markSent(tx, next, now) : null;
}

async function markSent(tx: EntityManager, command: MdmCommand, now: Date): Promise<MdmCommand> {
  command.status = 'SENT';
  command.sentAt = now;
  await tx.getRepository(MdmCommand).update({ id: command.id }, { status: 'SENT', sentAt: now });
  return command;
}

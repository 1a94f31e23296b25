/**
 * A one-time SCEP challenge: handed to a device inside its enrollment profile (the
 * `com.apple.security.scep` payload's `Challenge`) and spent when the device's certificate request
 * comes back with it. Only its SHA-256 is stored (the challenge is 256 random bits, so a slow hash
 * adds nothing); it is bound to the device, to the enrollment attempt it was issued with (the
 * attempt's start), and to a short life. Spent challenges keep `usedAt`, so a replay is told apart
 * from a guess; a new attempt of the device drops the older ones.
 */
import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn } from './columns.js';
import { DeviceOneTimeSecret } from './device-owned-row.js';

@Entity()
@Index('scep_challenge_hash', ['challengeHash'], { unique: true })
@Index('scep_challenge_device', ['deviceId'])
export class ScepChallenge extends DeviceOneTimeSecret {
  /** SHA-256 of the challenge, hex. */
  @Column({ type: 'varchar', length: 64 })
  challengeHash!: string;

  /** `startedAt` of the enrollment attempt that handed it out: a newer attempt makes it worthless. */
  @DateTimeColumn()
  attemptStartedAt!: Date;
}

/**
 * Migration without erase on a virtual iPad (iPadOS 26+): a device at Home, managed by another
 * MDM, learns from Apple that its organisation moved it to another MDM server with a deadline.
 * It shows the prompt; its user may migrate at once, or the device migrates by itself once the
 * deadline has passed (the clock is the injected one, so a test moves time on). Migrating keeps
 * the device's data: no erase and no Setup Assistant panes, only the enrollment with the new MDM
 * (Remote Management on), awaiting configuration when the profile says so, then Home.
 *
 * "Another MDM" is simulated as a name: the device is enrolled elsewhere, which nothing here talks
 * to (leaving it is silent; Apple's side of that hand-over is not public). What the device asks
 * Apple is the same cloud configuration lookup as at power-on, which carries
 * `MDMMigrationDeadline` while a migration is scheduled. Devices before iPadOS 26 never prompt.
 */
import { lookUpActivation, type CloudConfiguration } from './apple-client.js';
import type { Transport } from './http.js';
import type { IPadState, VirtualIPad } from './virtual-ipad.js';

/** The first iPadOS version that migrates without erase. */
export const MIGRATION_MINIMUM_OS_MAJOR = 26;

/** What the migration prompt shows. */
export interface MigrationPrompt {
  /** The organisation moving the device. */
  readonly organizationName: string;
  /** When the device migrates by itself. */
  readonly deadline: Date;
}

export interface MigrationOptions {
  /** The Apple simulator's base URL. */
  readonly appleUrl: string;
  /** The device's clock (a fake one in tests); default the system clock. */
  readonly clock?: { now(): Date };
  readonly transport?: Transport;
}

/** A virtual iPad's migration side: enrolled elsewhere, the prompt, and the migration itself. */
export class MigrationAssistant {
  private otherMdm: string | null = null;
  private prompt: (MigrationPrompt & { readonly configuration: CloudConfiguration }) | null = null;
  private readonly clock: { now(): Date };

  constructor(
    readonly ipad: VirtualIPad,
    private readonly options: MigrationOptions,
  ) {
    this.clock = options.clock ?? { now: () => new Date() };
  }

  /** The MDM the device is enrolled in now, other than through `ipad.enrollment`; null when none. */
  get enrolledElsewhere(): string | null {
    return this.otherMdm;
  }

  /** The prompt the device shows; null when no migration waits. */
  get pendingPrompt(): MigrationPrompt | null {
    return this.prompt && { organizationName: this.prompt.organizationName, deadline: this.prompt.deadline };
  }

  /** The device, at Home and not managed by Homeroom's MDM, is enrolled in another MDM called `serverName`. */
  enrollElsewhere(serverName: string): void {
    if (this.ipad.state !== 'HOME' || this.ipad.managed)
      throw new Error(`${this.ipad.serialNumber} must be at Home and unmanaged to be enrolled elsewhere (it is ${this.ipad.state})`);
    this.otherMdm = serverName;
  }

  /** Whether this device's iPadOS can migrate without erase. */
  get capable(): boolean {
    return Number.parseInt(this.ipad.osVersion.split('.')[0] ?? '', 10) >= MIGRATION_MINIMUM_OS_MAJOR;
  }

  /** Asks Apple whether a migration waits (iPadOS does so by itself); sets and returns the prompt, else null. */
  async check(): Promise<MigrationPrompt | null> {
    this.prompt = null;
    if (this.otherMdm === null || !this.capable || this.ipad.state !== 'HOME') return null;
    const answer = await lookUpActivation(this.options.appleUrl, this.ipad.serialNumber, this.options.transport);
    if (!answer.managed) return null;
    const deadline =
      typeof answer.configuration.MDMMigrationDeadline === 'string' ? Date.parse(answer.configuration.MDMMigrationDeadline) : NaN;
    if (Number.isNaN(deadline)) return null;
    this.prompt = {
      organizationName: answer.configuration.OrganizationName,
      deadline: new Date(deadline),
      configuration: answer.configuration,
    };
    return this.pendingPrompt;
  }

  /** The user taps "Migrate now" on the prompt. */
  migrateNow(): Promise<IPadState> {
    return this.migrate(false);
  }

  /** Time passed: once the deadline is reached the device migrates by itself; null when it did not (yet). */
  async tick(): Promise<IPadState | null> {
    if (!this.prompt) await this.check();
    if (!this.prompt || this.clock.now().getTime() < this.prompt.deadline.getTime()) return null;
    return this.migrate(true);
  }

  private async migrate(forced: boolean): Promise<IPadState> {
    const prompt = this.prompt;
    if (!prompt) throw new Error(`${this.ipad.serialNumber} has no migration waiting (ask Apple with check() first)`);
    const from = this.otherMdm;
    // The other MDM's profile goes; the data, apps and accounts stay.
    this.otherMdm = null;
    this.prompt = null;
    return this.ipad.enrollWithoutErase(prompt.configuration, { from, deadline: prompt.deadline.toISOString(), forced });
  }
}

/**
 * The seeded generator of a school's Apple School Manager organisation and of the iPads it
 * buys. Everything is drawn from one seeded stream, so a seed names a whole believable school
 * district: its name and domain, the people who click in the portal, and orders of iPads with
 * unique Apple-like serials, models, descriptions and colours. Uniqueness is kept with the
 * caller's Set of serials, so half a million devices take a second or two, not minutes.
 */
import { createHash } from 'node:crypto';
import type { SeededRandom } from './random.js';

/**
 * The organisation as the ASM portal knows it, in the snake_case of Apple's `/account` response
 * (which exposes all the `org_*` fields), plus the e-mail domain and the people who use the portal.
 */
export interface SimulatedOrganization {
  org_name: string;
  org_address: string;
  org_email: string;
  org_phone: string;
  /** Apple's customer number for the organisation. */
  org_id: string;
  /** SHA-256 hex of `org_id`. */
  org_id_hash: string;
  org_type: 'edu';
  /** `v2`: an Apple School Manager organisation. */
  org_version: 'v2';
  /** The e-mail domain of the organisation's people. */
  domain: string;
  /** Apple Accounts of the organisation's administrators; they show up as `device_assigned_by` and `admin_id`. */
  people: string[];
}

/** One purchasable configuration: what Apple reports for every device of it. */
export interface Sku {
  readonly model: string;
  readonly description: string;
  readonly color: string;
  readonly deviceFamily: 'iPad';
}

/** An order of devices, as Apple's reseller records it. */
export interface OrderInfo {
  readonly number: string;
  /** Epoch milliseconds. */
  readonly date: number;
  readonly model: string;
  readonly count: number;
  /**
   * Added to the organisation with Apple Configurator rather than bought (the School Manager API's
   * `purchaseSourceType` MANUALLY_ADDED): such devices are provisional for 30 days. Absent: bought.
   */
  readonly manuallyAdded?: boolean;
}

/** A device as the generator makes it, before the organisation's state takes it in. */
export interface GeneratedDevice {
  readonly serial: string;
  readonly sku: Sku;
}

interface ModelLine {
  readonly model: string;
  readonly line: string;
  readonly capacities: readonly string[];
  readonly colors: readonly string[];
  /** How often schools buy it, relative to the others. */
  readonly weight: number;
}

/** The iPads a school plausibly buys in 2026, with Apple's description vocabulary. */
export const IPAD_MODELS: readonly ModelLine[] = [
  { model: 'iPad (10th generation)', line: 'IPAD', capacities: ['64GB', '256GB'], colors: ['SILVER', 'BLUE', 'PINK', 'YELLOW'], weight: 5 },
  { model: 'iPad (A16)', line: 'IPAD', capacities: ['128GB', '256GB', '512GB'], colors: ['SILVER', 'BLUE', 'PINK', 'YELLOW'], weight: 4 },
  { model: 'iPad (9th generation)', line: 'IPAD', capacities: ['64GB', '256GB'], colors: ['SPACE GRAY', 'SILVER'], weight: 3 },
  {
    model: 'iPad Air (5th generation)',
    line: 'IPAD AIR',
    capacities: ['64GB', '256GB'],
    colors: ['SPACE GRAY', 'STARLIGHT', 'PINK', 'PURPLE', 'BLUE'],
    weight: 2,
  },
  {
    model: 'iPad Air 11-inch (M2)',
    line: 'IPAD AIR 11',
    capacities: ['128GB', '256GB'],
    colors: ['SPACE GRAY', 'STARLIGHT', 'PURPLE', 'BLUE'],
    weight: 1,
  },
  {
    model: 'iPad mini (6th generation)',
    line: 'IPAD MINI',
    capacities: ['64GB', '256GB'],
    colors: ['SPACE GRAY', 'STARLIGHT', 'PINK', 'PURPLE'],
    weight: 1,
  },
  { model: 'iPad Pro 11-inch (M4)', line: 'IPAD PRO 11', capacities: ['256GB', '512GB'], colors: ['SPACE BLACK', 'SILVER'], weight: 1 },
];

/** Serial characters: digits and consonants, without the letters people misread (O, I, S, Z, B, E). */
export const SERIAL_ALPHABET = '0123456789CDFGHJKLMNPQRTVWXY';
/** Serials are 12 characters, as on the iPads schools still buy in bulk. */
export const SERIAL_LENGTH = 12;

const PLACES = [
  'Riverside',
  'Maple Grove',
  'Lakeview',
  'Cedar Valley',
  'Northfield',
  'Oak Hill',
  'Westbrook',
  'Pinecrest',
  'Harbor City',
  'Silver Lake',
  'Brookside',
  'Fairview',
  'Granite Falls',
  'Willow Creek',
  'Eastport',
  'Summit Ridge',
];
const KINDS = [
  { suffix: 'Unified School District', abbrev: 'usd' },
  { suffix: 'Public Schools', abbrev: 'schools' },
  { suffix: 'School District', abbrev: 'sd' },
  { suffix: 'Community Schools', abbrev: 'cs' },
];
const STREETS = ['Main Street', 'School Road', 'Elm Avenue', 'Park Lane', 'Hillcrest Drive', 'Washington Boulevard', 'Lincoln Way'];
const STATES = ['CA', 'OR', 'WA', 'TX', 'IL', 'NY', 'MA', 'CO', 'MN', 'OH'];
const FIRST_NAMES = ['maria', 'james', 'aisha', 'chen', 'sofia', 'david', 'priya', 'lucas', 'emma', 'omar', 'hannah', 'mateo', 'grace'];
const LAST_NAMES = ['garcia', 'smith', 'okafor', 'wang', 'rossi', 'miller', 'patel', 'silva', 'johnson', 'haddad', 'kim', 'lopez'];

/** SHA-256 hex of an organisation id, as Apple's `org_id_hash`. */
export function orgIdHash(orgId: string): string {
  return createHash('sha256').update(orgId).digest('hex');
}

/** A believable school district; `overrides` win, and fields derived from them follow them. */
export function generateOrganization(random: SeededRandom, overrides: Partial<SimulatedOrganization> = {}): SimulatedOrganization {
  const place = random.pick(PLACES);
  const kind = random.pick(KINDS);
  const name = overrides.org_name ?? `${place} ${kind.suffix}`;
  const domain = overrides.domain ?? `${place.toLowerCase().replace(/[^a-z]/g, '')}${kind.abbrev}.org`;
  const street = `${random.between(10, 9999)} ${random.pick(STREETS)}`;
  const address = overrides.org_address ?? `${street}, ${place}, ${random.pick(STATES)} ${random.chars('0123456789', 5)}, US`;
  const phone = overrides.org_phone ?? `+1 ${random.between(201, 989)}-555-01${random.chars('0123456789', 2)}`;
  const people = new Set<string>();
  const wanted = random.between(4, 6);
  while (people.size < wanted) people.add(`${random.pick(FIRST_NAMES)}.${random.pick(LAST_NAMES)}@${domain}`);
  const orgId = overrides.org_id ?? random.digits(7);
  return {
    org_name: name,
    org_address: address,
    org_email: overrides.org_email ?? `technology@${domain}`,
    org_phone: phone,
    org_id: orgId,
    org_id_hash: overrides.org_id_hash ?? orgIdHash(orgId),
    org_type: 'edu',
    org_version: 'v2',
    domain,
    people: overrides.people ?? [...people],
  };
}

/** The model names `addOrder` accepts. */
export function knownModels(): string[] {
  return IPAD_MODELS.map((line) => line.model);
}

function pickModel(random: SeededRandom): ModelLine {
  const total = IPAD_MODELS.reduce((sum, line) => sum + line.weight, 0);
  let ticket = random.int(total);
  for (const line of IPAD_MODELS) {
    ticket -= line.weight;
    if (ticket < 0) return line;
  }
  return IPAD_MODELS[0]!;
}

/**
 * The devices of one order: one model and capacity (schools buy a batch of the same thing) in
 * one or two colours, with serials that share a factory prefix and are unique against `taken`
 * (which this adds them to).
 */
export function generateOrderDevices(
  random: SeededRandom,
  request: { count: number; model?: string | undefined },
  taken: Set<string>,
): { model: string; devices: GeneratedDevice[] } {
  const line = request.model === undefined ? pickModel(random) : IPAD_MODELS.find((candidate) => candidate.model === request.model);
  if (!line) throw new RangeError(`unknown model ${request.model}`);
  const capacity = random.pick(line.capacities);
  const cellular = random.int(10) === 0 ? ' + CELLULAR' : '';
  const firstColor = random.pick(line.colors);
  const colors = random.int(3) === 0 ? [...new Set([firstColor, random.pick(line.colors)])] : [firstColor];
  const skus: Sku[] = colors.map((color) => ({
    model: line.model,
    description: `${line.line} WI-FI${cellular} ${capacity} ${color}`,
    color,
    deviceFamily: 'iPad',
  }));
  const prefix = random.chars(SERIAL_ALPHABET, 3);
  const devices: GeneratedDevice[] = [];
  for (let i = 0; i < request.count; i += 1) {
    let serial = prefix + random.chars(SERIAL_ALPHABET, SERIAL_LENGTH - 3);
    while (taken.has(serial)) serial = prefix + random.chars(SERIAL_ALPHABET, SERIAL_LENGTH - 3);
    taken.add(serial);
    devices.push({ serial, sku: skus.length === 1 ? skus[0]! : random.pick(skus) });
  }
  return { model: line.model, devices };
}

/** `ORD-2026-0001`: the year of the order and a running number within the organisation. */
export function orderNumber(year: number, sequence: number): string {
  return `ORD-${year}-${String(sequence).padStart(4, '0')}`;
}

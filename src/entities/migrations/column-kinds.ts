/**
 * The column kinds the migrations create their tables with. Frozen: a migration must build the
 * same table on every install, so a kind, once a migration uses it, never changes; a different
 * column gets a new kind. Instants are ISO-8601 text (32 characters), on SQLite and PostgreSQL alike.
 */

export const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };

export const instant = (name: string, nullable = false) => ({ name, type: 'varchar', length: '32', isNullable: nullable });

export const integer = (name: string, nullable = false) => ({ name, type: 'integer', isNullable: nullable });

export const text = (name: string, length: number, nullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});

/**
 * What every leased job's table ends with (the `LeasedJob` columns): its times, its lease, and why
 * it failed. Both job tables were created with exactly these.
 */
export const leasedJobColumns = () => [
  instant('created_at'),
  instant('started_at', true),
  instant('finished_at', true),
  instant('updated_at'),
  text('lease_owner', 64, true),
  instant('lease_until', true),
  text('error_code', 60, true),
  text('error_message', 1000, true),
];

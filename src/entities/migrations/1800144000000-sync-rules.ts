/**
 * Intune's sync rules and Apple's errors on the token: when the last manual sync
 * started (the 15-minute manual floor), why the next asked-for sync must be FULL (a failed one
 * before it), and the last failed Apple call. Stored status reasons that advised uploading a new
 * token are reworded to name `renewToken`, the mutation that actually replaces a token's file.
 */
import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

const TABLE = 'enrollment_program_token';
const OLD_ADVICE = 'and upload it to Homeroom.';
const NEW_ADVICE = 'and call renewToken with it.';

export class SyncRules1800144000000 implements MigrationInterface {
  name = 'SyncRules1800144000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns(TABLE, [
      new TableColumn({ name: 'last_manual_sync_at', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'full_sync_required_reason', type: 'varchar', length: '40', isNullable: true }),
      new TableColumn({ name: 'last_apple_error_code', type: 'varchar', length: '60', isNullable: true }),
      new TableColumn({ name: 'last_apple_error_apple_code', type: 'varchar', length: '100', isNullable: true }),
      new TableColumn({ name: 'last_apple_error_message', type: 'varchar', length: '1000', isNullable: true }),
      new TableColumn({ name: 'last_apple_error_endpoint', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'last_apple_error_at', type: 'varchar', length: '32', isNullable: true }),
    ]);
    // REPLACE() is spelled the same on SQLite and PostgreSQL.
    await queryRunner.query(
      `UPDATE ${TABLE} SET status_reason = REPLACE(status_reason, '${OLD_ADVICE}', '${NEW_ADVICE}') WHERE status_reason IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE ${TABLE} SET status_reason = REPLACE(status_reason, '${NEW_ADVICE}', '${OLD_ADVICE}') WHERE status_reason IS NOT NULL`,
    );
    await queryRunner.dropColumns(TABLE, [
      'last_manual_sync_at',
      'full_sync_required_reason',
      'last_apple_error_code',
      'last_apple_error_apple_code',
      'last_apple_error_message',
      'last_apple_error_endpoint',
      'last_apple_error_at',
    ]);
  }
}

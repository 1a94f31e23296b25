/** The user directory: students and teachers who sign in on iPads, with their password hashes. */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { text } from './column-kinds.js';

export class DirectoryUsers1798934400000 implements MigrationInterface {
  name = 'DirectoryUsers1798934400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        // Not `user`: a reserved word in PostgreSQL, which every query would have to quote.
        name: 'directory_user',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          text('username', 254),
          text('display_name', 200),
          text('role', 20),
          text('password_hash', 200),
          text('created_at', 32),
          text('updated_at', 32),
        ],
        indices: [new TableIndex({ name: 'directory_user_username', columnNames: ['username'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('directory_user');
  }
}

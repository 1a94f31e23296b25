/** Homeroom's MDM certificate authority: the CA that issues device identities, its key sealed. */
import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

export class MdmCertificateAuthority1797724800000 implements MigrationInterface {
  name = 'MdmCertificateAuthority1797724800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'mdm_certificate_authority',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'certificate_pem', type: 'text' },
          { name: 'sealed_private_key', type: 'text' },
          { name: 'not_after', type: 'varchar', length: '32' },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mdm_certificate_authority');
  }
}

/**
 * Return to Service: `enrollment_profile.is_return_to_service` (Apple's `is_return_to_service`),
 * the profile's Wi-Fi network for devices coming back without a person (`wifi_ssid`,
 * `wifi_security`, the password sealed in `sealed_wifi_password`), and
 * `device_enrollment.return_to_service`: the re-enrollment an erase with Return to Service has
 * prepared (JSON: when it started and the identity pinned for it), applied when the device
 * acknowledges the erase.
 */
import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { text } from './column-kinds.js';

export class ReturnToService1804982400000 implements MigrationInterface {
  name = 'ReturnToService1804982400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A raw default: each database spells a false boolean its own way, and TypeORM compares the spelling.
    const no = queryRunner.connection.driver.options.type === 'postgres' ? 'false' : '0';
    await queryRunner.addColumns('enrollment_profile', [
      new TableColumn({ name: 'is_return_to_service', type: 'boolean', default: no }),
      new TableColumn(text('wifi_ssid', 64, true)),
      new TableColumn(text('wifi_security', 10, true)),
      new TableColumn({ name: 'sealed_wifi_password', type: 'text', isNullable: true }),
    ]);
    await queryRunner.addColumn('device_enrollment', new TableColumn({ name: 'return_to_service', type: 'text', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('device_enrollment', 'return_to_service');
    for (const column of ['sealed_wifi_password', 'wifi_security', 'wifi_ssid', 'is_return_to_service'])
      await queryRunner.dropColumn('enrollment_profile', column);
  }
}

/**
 * A student or teacher in Homeroom's user directory: the people who sign in on an iPad
 * during Setup Assistant (user affinity) or on a Shared iPad. The username is a Managed Apple
 * Account style name (`local@domain`), stored lower-case so sign-ins match it whatever the case
 * typed. Only a scrypt hash of the password is kept (`services/user/password-hash.ts`), and this
 * entity is never a GraphQL type itself: `resolvers/user.type.ts` copies the public fields, so a
 * new column can never leak through the API by accident.
 *
 * The table is `directory_user` because `user` is a reserved word in PostgreSQL.
 */
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from './columns.js';

/** What a directory user is at school; decides nothing in Homeroom yet beyond what is shown. */
export const USER_ROLES = ['STUDENT', 'TEACHER'] as const;
export type UserRole = (typeof USER_ROLES)[number];

@Entity('directory_user')
@Index('directory_user_username', ['username'], { unique: true })
export class DirectoryUser {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** `local@domain`, lower-case, at most 254 characters (the longest e-mail address SMTP carries). */
  @Column({ type: 'varchar', length: 254 })
  username!: string;

  @Column({ type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: UserRole;

  /** `scrypt$<logN>$<r>$<p>$<salt>$<hash>`; never leaves the service layer. */
  @Column({ type: 'varchar', length: 200 })
  passwordHash!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}

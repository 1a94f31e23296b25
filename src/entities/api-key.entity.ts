/**
 * An API key: how frontends, scripts and CI authenticate. The key itself is shown once at
 * creation and only its SHA-256 is stored (keys are 256 random bits, so a slow KDF would add
 * latency to every request without adding safety). Revoked keys stay, so the audit log can
 * still name who did what.
 */
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../schema/node.type.js';
import { Permission, permissionsOf, Role } from '../permissions.js';
import { DateTimeColumn } from './columns.js';

@Entity()
@Index('api_key_active_name', ['name'], { unique: true, where: 'revoked_at IS NULL' })
@ObjectType('ApiKey', {
  implements: Node,
  description: 'A key that authenticates GraphQL requests. The secret itself is never shown again after creation.',
})
export class ApiKey extends Node {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Name chosen at creation, unique among active keys; the audit log names the actor by it.' })
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the key is for.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  @Field(() => Role, { description: 'Role that decides what the key may do.' })
  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Field(() => String, { description: 'First characters of the secret, to recognise a key without revealing it.' })
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  /** SHA-256 of the whole secret, hex. */
  @Column({ type: 'varchar', length: 64, unique: true })
  secretHash!: string;

  @Field(() => String, { description: "Who created the key: another key's name, `cli:<user>` or `bootstrap`." })
  @Column({ type: 'varchar', length: 120 })
  createdBy!: string;

  @Field(() => Date, { description: 'When the key was created.' })
  @DateTimeColumn()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Last time the key authenticated a request (updated at most once a minute).' })
  @DateTimeColumn({ nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null while it is active.' })
  @DateTimeColumn({ nullable: true })
  revokedAt!: Date | null;

  @Field(() => Boolean, { description: 'True until the key is revoked.' })
  get active(): boolean {
    return this.revokedAt === null;
  }

  @Field(() => [Permission], { description: "The permissions the key's role grants." })
  get permissions(): Permission[] {
    return permissionsOf(this.role);
  }
}

/**
 * The user directory, which user affinity and Shared iPad need someone to sign in against: students and teachers with a Managed Apple Account style
 * username and a password, who sign in on iPads enrolled with user affinity and on Shared iPads.
 *
 * Administration (create, update, delete) is audited like every mutation; CSV imports run as
 * background jobs (`user-import.service.ts`) and check their rows with the rules exported here.
 * The enrollment endpoints read the directory through {@link UserService.authenticate} and
 * {@link UserService.findByUsernames}. Passwords exist here only on their way into
 * `hashPassword`: they are never stored, logged, put in audit details or returned.
 *
 * scrypt runs before any transaction and outside it: a transaction must wait on nothing but
 * the database (`entities/database.ts`), and a hash takes about 150 ms at the default cost.
 * Usernames are immutable: the enrollment records and Shared iPads' resident users name the
 * account, and on a real iPad the Managed Apple Account cannot be renamed either; an admin who
 * needs another name deletes the user and creates a new one.
 */
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DirectoryUser, USER_ROLES, type UserRole } from '../../entities/directory-user.entity.js';
import { isUniqueViolation, type Database } from '../../entities/database.js';
import { badInput, ErrorCode, HomeroomError, rowNotFound } from '../../errors.js';
import { AuditRecord, type AuditService } from '../audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { paginateByText, type Page, type PageRequest } from '../../entities/pagination.js';
import { DEFAULT_SCRYPT_LOG_N, hashPassword, passwordLengthProblem, verifyPassword } from './password-hash.js';
import { chunks, containsPattern, IN_LIST_CHUNK } from '../../entities/raw-sql.js';
import type { RequestContext } from '../../platform/request-context.js';
import { checkOneLineText } from '../../text-input.js';

/** A directory user as other services see one: everything but the password hash. */
export interface UserIdentity {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: UserRole;
}

export interface CreateUserInput {
  readonly username: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly password: string;
}

/** Changes to a user; an omitted or null field keeps its value. The username cannot change. */
export interface UpdateUserInput {
  readonly displayName?: string | null;
  readonly role?: UserRole | null;
  readonly password?: string | null;
}

export interface UserFilter {
  readonly role?: UserRole | null;
  /** Part of the username, any case (usernames are stored lower-case). */
  readonly usernameContains?: string | null;
}

export const USER_LIMITS = { username: 254, displayName: 200 } as const;
/** GraphQL type name of a user, for audit targets and global IDs. */
export const USER_TYPE = 'User';

export class UserService {
  /** A hash of a random password at the configured cost: what an unknown username is checked against. */
  private decoy: Promise<string> | undefined;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly scryptLogN: number = DEFAULT_SCRYPT_LOG_N,
  ) {}

  async findById(id: number): Promise<DirectoryUser | null> {
    return this.database.manager.findOneBy(DirectoryUser, { id });
  }

  /** Users by username (then id), filtered by role and part of the username. */
  async list(filter: UserFilter, page: PageRequest): Promise<Page<DirectoryUser>> {
    const query = this.database.manager.getRepository(DirectoryUser).createQueryBuilder('person');
    if (filter.role != null) query.andWhere('person.role = :role', { role: checkRole(filter.role) });
    if (filter.usernameContains != null && filter.usernameContains.trim() !== '') {
      const needle = checkOneLineText('filter.usernameContains', filter.usernameContains.trim()).toLowerCase();
      if (needle.length > USER_LIMITS.username) throw badInput('usernameContains', `must be at most ${USER_LIMITS.username} characters.`);
      query.andWhere("person.username LIKE :pattern ESCAPE '\\'", { pattern: containsPattern(needle) });
    }
    return paginateByText(
      query,
      { textColumn: 'person.username', idColumn: 'person.id', keyOf: (u) => ({ text: u.username, id: u.id }) },
      page,
    );
  }

  /** Creates a user. Errors: BAD_USER_INPUT (naming the field), ALREADY_EXISTS (field `username`). */
  async create(ctx: RequestContext, input: CreateUserInput): Promise<DirectoryUser> {
    const action = 'createUser';
    const record = new AuditRecord();
    return this.audit.recordingFailures(ctx, action, record, async () => {
      const username = checkUsername(input.username);
      record.detail({ username });
      const values = { username, displayName: checkDisplayName(input.displayName), role: checkRole(input.role) };
      const password = checkPassword(input.password);
      // Refused before the hash, so a taken name costs no 150 ms; checked again in the transaction.
      if (await this.database.manager.existsBy(DirectoryUser, { username })) throw usernameTaken(username);
      const passwordHash = await hashPassword(password, this.scryptLogN);
      return this.audit.mutate(ctx, action, async (tx, rec) => {
        rec.detail({ username, role: values.role });
        if (await tx.existsBy(DirectoryUser, { username })) throw usernameTaken(username);
        const now = this.clock.now();
        const user = Object.assign(new DirectoryUser(), { ...values, passwordHash, createdAt: now, updatedAt: now });
        try {
          await tx.insert(DirectoryUser, user);
        } catch (error) {
          // Two creations of one name at the same moment on PostgreSQL: the unique index decides.
          if (isUniqueViolation(error)) throw usernameTaken(username);
          throw error;
        }
        rec.target(USER_TYPE, user.id);
        return user;
      });
    });
  }

  /** Changes a user's display name, role or password. Errors: NOT_FOUND, BAD_USER_INPUT. */
  async update(ctx: RequestContext, id: number, input: UpdateUserInput): Promise<DirectoryUser> {
    const action = 'updateUser';
    const record = new AuditRecord().target(USER_TYPE, id);
    return this.audit.recordingFailures(ctx, action, record, async () => {
      const changes: Partial<Pick<DirectoryUser, 'displayName' | 'role' | 'passwordHash'>> = {};
      if (input.displayName != null) changes.displayName = checkDisplayName(input.displayName);
      if (input.role != null) changes.role = checkRole(input.role);
      const password = input.password != null ? checkPassword(input.password) : null;
      if (!(await this.findById(id))) throw rowNotFound('user', USER_TYPE, [id]);
      if (password !== null) changes.passwordHash = await hashPassword(password, this.scryptLogN);
      return this.audit.mutate(ctx, action, async (tx, rec) => {
        rec.target(USER_TYPE, id);
        const user = await tx.findOneBy(DirectoryUser, { id });
        if (!user) throw rowNotFound('user', USER_TYPE, [id]);
        // The names of the changed fields only: a password (or its hash) never reaches the audit log.
        rec.detail({ username: user.username, changed: Object.keys(changes).map((key) => (key === 'passwordHash' ? 'password' : key)) });
        const values = { ...changes, updatedAt: this.clock.now() };
        await tx.update(DirectoryUser, { id }, values);
        return Object.assign(user, values);
      });
    });
  }

  /**
   * Deletes a user. Devices enrolled by them keep their enrollment and forget the user (the
   * foreign keys set it to null). Errors: NOT_FOUND.
   */
  async delete(ctx: RequestContext, id: number): Promise<DirectoryUser> {
    return this.audit.mutate(ctx, 'deleteUser', async (tx, record) => {
      record.target(USER_TYPE, id);
      const user = await tx.findOneBy(DirectoryUser, { id });
      if (!user) throw rowNotFound('user', USER_TYPE, [id]);
      record.detail({ username: user.username });
      await tx.delete(DirectoryUser, { id });
      return user;
    });
  }

  /**
   * The user whose username (any case, surrounding spaces ignored) and password these are, or null
   * for an unknown user and a wrong password alike. An unknown user costs one hash too, checked
   * against a decoy, so the time taken does not tell whether the username exists.
   */
  async authenticate(username: string, password: string): Promise<UserIdentity | null> {
    const name = username.trim().toLowerCase();
    const user =
      name.length > 0 && name.length <= USER_LIMITS.username
        ? await this.database.manager.findOneBy(DirectoryUser, { username: name })
        : null;
    const matches = await verifyPassword(password, user?.passwordHash ?? (await this.decoyHash()));
    return user && matches ? identityOf(user) : null;
  }

  /** Users by lower-case username, for bulk lookups (a Shared iPad's resident users); unknown names are absent. */
  findByUsernames(usernames: readonly string[]): Promise<Map<string, UserIdentity>> {
    return findUsersNamed(this.database.manager, usernames);
  }

  private decoyHash(): Promise<string> {
    this.decoy ??= hashPassword(randomBytes(18).toString('base64'), this.scryptLogN);
    return this.decoy;
  }
}

/**
 * The users of these names (any case), read in chunks through `manager` (a transaction's, when in
 * one); unknown names are absent. For bulk checks: the import's, and Shared iPads' resident users.
 */
export async function findUsersNamed(manager: EntityManager, usernames: readonly string[]): Promise<Map<string, UserIdentity>> {
  const names = [...new Set(usernames.map((n) => n.trim().toLowerCase()).filter((n) => n.length > 0 && n.length <= USER_LIMITS.username))];
  const found = new Map<string, UserIdentity>();
  for (const chunk of chunks(names, IN_LIST_CHUNK)) {
    const users = await manager
      .getRepository(DirectoryUser)
      .createQueryBuilder('person')
      .select(['person.id', 'person.username', 'person.displayName', 'person.role'])
      .where('person.username IN (:...chunk)', { chunk })
      .getMany();
    for (const user of users) found.set(user.username, identityOf(user));
  }
  return found;
}

function identityOf(user: DirectoryUser): UserIdentity {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

/** ALREADY_EXISTS on `username`, saying where the name was found. */
export function usernameTaken(username: string, where = 'in the directory'): HomeroomError {
  return new HomeroomError(ErrorCode.ALREADY_EXISTS, `A user named "${username}" already exists ${where}.`, { field: 'username' });
}

/**
 * A Managed Apple Account style name, lower-cased: `local@domain`, the local part of letters,
 * digits and `. _ % + -` (not starting or ending with a dot, no two in a row), the domain of at
 * least two DNS labels.
 */
const USERNAME = /^(?!\.)(?!.*\.\.)[a-z0-9._%+-]{1,64}(?<!\.)@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export function checkUsername(value: string): string {
  const username = value.trim().toLowerCase();
  if (username.length === 0 || username.length > USER_LIMITS.username) {
    throw badInput('username', `must be 1 to ${USER_LIMITS.username} characters.`);
  }
  if (!USERNAME.test(username)) {
    throw badInput('username', 'must be a Managed Apple Account style name such as a.lee@students.school.example.');
  }
  return username;
}

export function checkDisplayName(value: string): string {
  const name = value.trim();
  if (name.length < 1 || name.length > USER_LIMITS.displayName)
    throw badInput('displayName', `must be 1 to ${USER_LIMITS.displayName} characters.`);
  return checkOneLineText('displayName', name);
}

export function checkRole(value: string): UserRole {
  if (!(USER_ROLES as readonly string[]).includes(value)) throw badInput('role', `must be one of ${USER_ROLES.join(', ')}.`);
  return value as UserRole;
}

/** Passwords are taken exactly as given (no trimming): spaces may be part of them. */
export function checkPassword(value: string): string {
  const problem = passwordLengthProblem(value);
  if (problem) throw badInput('password', problem);
  return value;
}

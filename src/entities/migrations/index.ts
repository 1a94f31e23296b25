/** Every migration, oldest first. Listed explicitly (no globbing) so the compiled build and tests load the same set. */
import { Foundation1795305600000 } from './1795305600000-foundation.js';

export const MIGRATIONS = [Foundation1795305600000];

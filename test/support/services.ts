/** Service dependencies for tests that build `Services` directly and never reach Apple. */
import { appleConnection } from '../../src/apple/apple-connection.js';
import type { ServiceDependencies } from '../../src/services/service-dependencies.js';

/** An Apple nobody answers at (port 9, discard) and a fixed public URL. */
export function offlineApple(): Pick<ServiceDependencies, 'apple' | 'publicUrl'> {
  return { apple: appleConnection('http://127.0.0.1:9', 'homeroom-test/1'), publicUrl: () => 'http://127.0.0.1:4000' };
}

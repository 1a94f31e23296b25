/**
 * Where the console and the explorer keep the pasted API key: this tab's sessionStorage, so it is
 * gone when the tab closes and never shared with other tabs or sent anywhere but `/graphql`.
 */
const STORAGE_KEY = 'homeroom.apiKey';

export function storedApiKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeApiKey(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(STORAGE_KEY, key);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled (private mode): the key lives only as long as the page.
  }
}

/** The header value Homeroom expects, over HTTP and as graphql-ws `connectionParams.authorization`. */
export function bearer(key: string): string {
  return `Bearer ${key.trim()}`;
}

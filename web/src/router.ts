/**
 * A minimal history router: the console's pages are real paths (`/devices`), which Homeroom
 * answers with the console's `index.html` (SPA fallback), so reloads and shared links work.
 */
import { useEffect, useState } from 'react';

export const PAGES = [
  { path: '/setup', title: 'Setup' },
  { path: '/profiles', title: 'Profiles' },
  { path: '/devices', title: 'Devices' },
  { path: '/sync', title: 'Sync' },
  { path: '/wall', title: 'Enrollment wall' },
] as const;

export type PagePath = (typeof PAGES)[number]['path'];

const listeners = new Set<() => void>();

export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

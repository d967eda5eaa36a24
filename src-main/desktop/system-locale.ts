// The OS regional format the window shows dates and numbers in. Electron has no event for a change
// of it, so main reads it again whenever a Fieldbook window gains focus (the user comes back from
// the OS settings) and announces `locale.changed` when it differs.
import type { EventHub } from '../ipc/event-hub';

export interface LocaleWatcher {
  /** The format last read. */
  current(): string;
  /** Reads again; announces a change. */
  check(): void;
}

/** A BCP 47 tag Intl understands, else null (an empty or odd system value). */
export function usableLocale(raw: string): string | null {
  const tag = raw.trim().replace(/_/g, '-').replace(/\..*$/, '');
  if (tag === '' || tag.length > 64) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

export function createLocaleWatcher(options: {
  read: () => string;
  events: Pick<EventHub, 'emit'>;
  /** When the system's value is not usable. */
  fallback?: string;
}): LocaleWatcher {
  const fallback = options.fallback ?? 'en-US';
  const read = () => {
    try {
      return usableLocale(options.read()) ?? fallback;
    } catch {
      return fallback;
    }
  };
  let last = read();
  return {
    current: () => last,
    check() {
      const now = read();
      if (now === last) return;
      last = now;
      options.events.emit('locale.changed', { locale: now });
    },
  };
}

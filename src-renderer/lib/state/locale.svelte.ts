// The regional format dates (and numbers) are shown and read in: the OS's, as main reports it
// (`desktop.start`, then `locale.changed`); where there is no desktop (the browser harness), the
// browser's own. Provided through context; the editor reads `current` when it opens a customer.
import { getContext, setContext } from 'svelte';
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import { regionalLocale } from '../forms/locale-dates';

export class LocaleState {
  #locale = $state(regionalLocale());
  #stop: (() => void) | undefined;

  get current(): string {
    return this.#locale;
  }

  /** Main's answer: a BCP 47 tag, or null to keep the browser's format. */
  use(locale: string | null | undefined): void {
    if (!locale) return;
    try {
      // A tag Intl cannot use would break every date on screen: keep the one that works.
      this.#locale = Intl.getCanonicalLocales(locale)[0] ?? this.#locale;
    } catch {
      // keep the current format
    }
  }

  /** Follows later changes of the OS setting until dispose(). */
  follow(api: Pick<FieldbookApi, 'on'>): void {
    this.#stop?.();
    this.#stop = api.on('locale.changed', ({ locale }) => this.use(locale));
  }

  dispose(): void {
    this.#stop?.();
    this.#stop = undefined;
  }
}

const localeKey = Symbol('locale');

export function provideLocale(state: LocaleState): void {
  setContext(localeKey, state);
}

/** The window's locale state; undefined where none was provided (a test mounting one screen). */
export function findLocale(): LocaleState | undefined {
  return getContext<LocaleState | undefined>(localeKey);
}

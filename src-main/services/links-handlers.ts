// `links.open`: a customer's website or e-mail address, opened in the user's browser or mail
// program, or its postal address searched on OpenStreetMap ("Open in maps"). The window sends the RAW field value; main composes the link itself, so the window can
// never name an address to open — a value that does not compose is refused in words.
import type { Handlers } from '../../src-shared/ipc/contract';
import { fail, type Result } from '../../src-shared/ipc/result';
import { isComposedLink, mailtoHref, websiteHref } from '../../src-shared/net/customer-links';
import { mapsHref } from '../../src-shared/net/maps-link';

/**
 * Hands a composed `https:`/`mailto:` link to the operating system. Electron:
 * `openComposedLink` (src-main/platform/external-links.ts); tests and the harness: a recorder.
 */
export type LinkLauncher = (href: string) => Promise<Result<null>>;

const refusals = {
  website:
    'Fieldbook opens only plain secure web addresses such as www.example.com, so this website was not opened.',
  email:
    'Fieldbook writes only to a plain e-mail address such as ann@example.com, so no e-mail was started.',
  address:
    'Fieldbook shows an address on the map only when it has some text and is at most 500 characters long, so no map was opened.',
} as const;

export type LinkKind = keyof typeof refusals;

const composers: Record<LinkKind, (value: string) => string | null> = {
  website: websiteHref,
  email: mailtoHref,
  address: mapsHref,
};

/** What the window may open, composed here from the field's value (null: refuse). */
export function composeCustomerLink(kind: LinkKind, value: string): string | null {
  const href = composers[kind](value);
  // The composers promise this; checking again costs nothing and guards a future edit of them.
  return href !== null && isComposedLink(href) ? href : null;
}

export function createLinksHandlers(launch: LinkLauncher): Pick<Handlers, 'links.open'> {
  return {
    'links.open': async ({ kind, value }) => {
      const href = composeCustomerLink(kind, value);
      if (href === null) return fail('validation', refusals[kind]);
      return launch(href);
    },
  };
}

/** For builds and worlds without a way to open links: a clear answer instead of silence. */
export const noLinkLauncher: LinkLauncher = async () =>
  fail('server', 'Fieldbook cannot open links here. Copy the address instead.');

/**
 * A tiny history router: the path lives in `window.location`, components read it through
 * `useSyncExternalStore`, and `navigate()` pushes a new entry and notifies them. The server
 * serves the app for any non-API path, so every route below is a real, shareable URL.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function notify() {
  for (const listener of listeners) listener();
}

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
  window.scrollTo(0, 0);
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** Matches "/questionnaires/:id" against a path; returns the parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(h);
    else if (w !== h) return null;
  }
  return params;
}

/** Handles a click on a same-app link without reloading; modified clicks keep browser behaviour. */
export function onLinkClick(event: MouseEvent<HTMLAnchorElement>, to: string) {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  event.preventDefault();
  navigate(to);
}

export function Link({
  to,
  children,
  ...rest
}: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return (
    <a
      href={to}
      {...rest}
      onClick={(event) => {
        rest.onClick?.(event);
        onLinkClick(event, to);
      }}
    >
      {children}
    </a>
  );
}

/** The app's routes, in one place. */
export const paths = {
  results: '/',
  compare: '/compare',
  framework: '/framework',
  questionnaires: '/questionnaires',
  newQuestionnaire: '/questionnaires/new',
  questionnaire: (id: string) => `/questionnaires/${encodeURIComponent(id)}`,
  editQuestionnaire: (id: string) => `/questionnaires/${encodeURIComponent(id)}/edit`,
  campaigns: '/campaigns',
  activity: '/activity',
  crosswalks: '/crosswalks',
  collective: '/collective',
  organisation: '/organisation',
  tokens: '/tokens',
  invitation: (token: string) => `/invitations/${encodeURIComponent(token)}`,
  /** The "premiers pas" path of an organisation, by slug (or id). */
  firstSteps: (org: string) => `/o/${encodeURIComponent(org)}/premiers-pas`,
  /** Field collection of a campaign (works offline once visited). */
  field: (orgId: string, campaignId: string) =>
    `/o/${encodeURIComponent(orgId)}/terrain/${encodeURIComponent(campaignId)}`,
} as const;

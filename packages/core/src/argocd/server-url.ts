import { InputError } from '../errors';
import type { Redact } from './classify';

/**
 * The server input as a URL, or the InputError saying what to change. Exported so a step's input
 * validation reports it together with its other input errors, before any client exists.
 */
export function serverUrl(server: string, redact: Redact): URL {
  const hint = 'Write it as https://argocd.example.com (add the path prefix of a server run with --rootpath; http:// only without TLS).';
  let url: URL;
  try {
    url = new URL(server.trim());
  } catch {
    throw new InputError(`The Argo CD server URL is not a URL: ${JSON.stringify(redact(server))}.`, hint);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`The Argo CD server URL must start with https:// or http://, not ${url.protocol}//.`, hint);
  }
  if (url.username !== '' || url.password !== '') {
    // Not echoed: the part before @ is a credential.
    throw new InputError('The Argo CD server URL carries credentials (user:password@).', 'Remove them from the URL and pass a token, or a username and password, as their own inputs.');
  }
  // An address copied from the web UI's address bar (…/applications/argocd/payments-dev): the API
  // lives under the base URL, and the UI path would answer every call with the UI's HTML page.
  const ui = /\/applications(?:\/|$)/.exec(url.pathname);
  if (ui) {
    const base = `${url.origin}${url.pathname.slice(0, ui.index)}`;
    throw new InputError(
      `The Argo CD server URL ${JSON.stringify(redact(server))} is a web UI page (it holds /applications), not the server's base URL.`,
      `Use the base URL: ${base} (the application goes in its own input).`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InputError(`The Argo CD server URL must not have a query or fragment: ${JSON.stringify(redact(server))}.`, hint);
  }
  return url;
}

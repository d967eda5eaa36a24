// The interaction routes oidc-provider sends the browser to: show the login form, check the demo
// user's password, then finish the interaction with login and consent in one step (a first-party
// app needs no consent screen), or with access_denied when the user cancels.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { demoUser } from '../options';
import { readText } from '../http/read-body';
import { writeResponse } from '../http/respond';
import { loginPage } from './login-page';

export async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const [, , , uid = '', action = ''] = path.split('/');
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    await writeResponse(res, { status: 400, body: expiredPage });
    return;
  }
  if (details.uid !== uid) {
    await writeResponse(res, { status: 400, body: expiredPage });
    return;
  }
  const client = await provider.Client.find(String(details.params.client_id));
  const clientName = client?.clientName ?? String(details.params.client_id);

  if (req.method === 'GET' && action === '') {
    await writeResponse(res, { status: 200, body: loginPage({ uid, clientName }) });
    return;
  }
  if (req.method === 'POST' && action === 'abort') {
    await provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'The user cancelled the sign-in.',
    });
    return;
  }
  if (req.method === 'POST' && action === 'login') {
    const form = new URLSearchParams(await readText(req));
    const username = form.get('username') ?? '';
    if (username !== demoUser.username || form.get('password') !== demoUser.password) {
      const error = 'The username or password is wrong.';
      await writeResponse(res, {
        status: 401,
        body: loginPage({ uid, clientName, error, username }),
      });
      return;
    }
    const grant = new provider.Grant({
      accountId: demoUser.accountId,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope(String(details.params.scope ?? ''));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, {
      login: { accountId: demoUser.accountId },
      consent: { grantId },
    });
    return;
  }
  await writeResponse(res, { status: 405, body: 'Method not allowed' });
}

const expiredPage =
  '<!doctype html><title>Sign-in expired</title><p>This sign-in page has expired. Go back to Fieldbook and start the sign-in again.</p>';

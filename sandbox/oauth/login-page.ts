// The plain HTML sign-in page of the R2 demo authorization server. No scripts, so it works in any
// system browser and can be submitted by a test with a form POST.

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

export function loginPage(options: {
  uid: string;
  clientName: string;
  error?: string;
  username?: string;
}): string {
  const error = options.error
    ? `<p role="alert" class="error">${escapeHtml(options.error)}</p>`
    : '';
  const action = `/oauth/interaction/${encodeURIComponent(options.uid)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in to Unibiz R2 (sandbox)</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 22rem; margin: 4rem auto; padding: 0 1rem; }
label { display: block; margin-top: 1rem; }
input { width: 100%; padding: .4rem; box-sizing: border-box; }
button { margin-top: 1.25rem; padding: .5rem 1rem; }
.error { color: #a00; }
.hint { color: #555; font-size: .9rem; }
</style>
</head>
<body>
<h1>Sign in to Unibiz R2</h1>
<p>${escapeHtml(options.clientName)} wants to use your R2 customers.</p>
${error}
<form method="post" action="${action}/login">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required value="${escapeHtml(options.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<form method="post" action="${action}/abort"><button type="submit">Cancel</button></form>
<p class="hint">Sandbox demo user: <code>demo</code> / <code>fieldbook-demo</code>.</p>
</body>
</html>`;
}

// Browser mode: the access token arrives once in the URL (#token=...), then lives in sessionStorage
// so a reload keeps working; it is removed from the visible URL straight away.
const STORAGE_KEY = 'flowbridge.token';

export function takeTokenFromLocation(): string | null {
  const hash = window.location.hash;
  const match = /(?:^#|&)token=([^&]+)/.exec(hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      sessionStorage.setItem(STORAGE_KEY, token);
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    const rest = hash.replace(/(?:^#|&)token=[^&]+/, '').replace(/^&/, '');
    const url = window.location.pathname + window.location.search + (rest ? `#${rest}` : '#/sequences');
    window.history.replaceState(null, '', url);
    return token;
  }
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

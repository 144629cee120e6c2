// The desktop window's security policy as plain data and pure functions, so it is unit-tested
// exactly as it ships. No `electron` import here.

interface SecureWebPreferences {
  preload: string;
  sandbox: true;
  contextIsolation: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: boolean;
  /** Middle-click (auxclick) would open links in a new window: off, on top of the denied window.open. */
  disableBlinkFeatures: 'Auxclick';
}

export interface WindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  x?: number;
  y?: number;
  show: boolean;
  title: string;
  webPreferences: SecureWebPreferences;
}

export function windowOptions(preload: string, bounds?: { width: number; height: number; x?: number; y?: number }): WindowOptions {
  return {
    width: bounds?.width ?? 1320,
    height: bounds?.height ?? 860,
    ...(bounds?.x !== undefined && bounds?.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Flowbridge',
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** The window may only ever show the app's own page. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    return target.protocol === app.protocol && target.host === app.host && target.pathname === app.pathname;
  } catch {
    return false;
  }
}

/** IPC is answered only for the app's own top-level page. */
export function isTrustedSender(frameUrl: string | undefined, appUrl: string): boolean {
  return frameUrl !== undefined && isAppUrl(frameUrl, appUrl);
}

const EXTERNAL_HOSTS = ['recruiterflow.com', 'linkedin.com', 'github.com'];

/** Links the app may open in the user's browser: https only, to a short list of sites. */
export function externalUrlAllowed(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && EXTERNAL_HOSTS.some((h) => hostname === h || hostname.endsWith(`.${h}`));
  } catch {
    return false;
  }
}

export type NavigationDecision = { action: 'deny' } & { openExternally: boolean };

/** window.open and target=_blank: never a new app window; allowed links go to the system browser. */
export function decideWindowOpen(url: string): NavigationDecision {
  return { action: 'deny', openExternally: externalUrlAllowed(url) };
}

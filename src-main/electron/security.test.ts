import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { decideWindowOpen, externalUrlAllowed, isAppUrl, isTrustedSender, windowOptions } from './security';

const APP = 'file:///opt/Flowbridge/resources/app/out/renderer/index.html';

describe('the desktop window’s security', () => {
  it('runs the renderer sandboxed, isolated and without Node', () => {
    const { webPreferences } = windowOptions('/app/out/preload/index.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    // Nothing in the options may switch any of that back on.
    expect(Object.keys(webPreferences).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'disableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('forbids inline scripts and eval in its Content-Security-Policy', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives['script-src']).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives['default-src']).toBe("default-src 'self'");
    expect(directives['object-src']).toBe("object-src 'none'");
    const html = readFileSync('src-renderer/index.html', 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('only ever shows the app’s own page and answers IPC only from it', () => {
    expect(isAppUrl(APP, APP)).toBe(true);
    expect(isAppUrl(`${APP}#/sequences`, APP)).toBe(true);
    expect(isAppUrl('https://evil.example/', APP)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', APP)).toBe(false);
    expect(isAppUrl('not a url', APP)).toBe(false);
    expect(isTrustedSender(APP, APP)).toBe(true);
    expect(isTrustedSender(undefined, APP)).toBe(false);
    expect(isTrustedSender('https://recruiterflow.com/', APP)).toBe(false);
  });

  it('denies window.open, sending only allow-listed https links to the system browser', () => {
    expect(decideWindowOpen('https://recruiterflow.com/help')).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('https://www.linkedin.com/in/ann')).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('http://recruiterflow.com/')).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('https://recruiterflow.com.evil.example/')).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ action: 'deny', openExternally: false });
    expect(externalUrlAllowed('file:///etc/passwd')).toBe(false);
  });
});

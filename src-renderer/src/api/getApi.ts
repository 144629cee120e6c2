// The one place the UI gets its backend from: the Electron preload when present, otherwise browser mode.
import type { FlowbridgeApi } from '../../../src-shared/api';
import { createBrowserApi } from './browserApi';
import { takeTokenFromLocation } from './token';

declare global {
  interface Window {
    flowbridge?: FlowbridgeApi;
  }
}

let api: FlowbridgeApi | null = null;

/** Resolves the API once at start-up. Returns null in browser mode when no token is available. */
export function initApi(): FlowbridgeApi | null {
  if (api) return api;
  if (window.flowbridge) {
    api = window.flowbridge;
    return api;
  }
  const token = takeTokenFromLocation();
  if (!token) return null;
  api = createBrowserApi(token);
  return api;
}

export function getApi(): FlowbridgeApi {
  const resolved = api ?? initApi();
  if (!resolved) throw new Error('Flowbridge API is not available (missing access token).');
  return resolved;
}

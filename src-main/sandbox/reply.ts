// What a sandbox handler answers: JSON or an HTML page, with a status and optional headers.

export interface Reply {
  status: number;
  json?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

export const ok = (json: unknown): Reply => ({ status: 200, json });

export const success = (extra: Record<string, unknown> = {}): Reply => ({ status: 200, json: { RESULT: 'SUCCESS', ...extra } });

/** Recruiterflow's documented error shape: `{"RESULT":"FAILURE","message":...}`. */
export const failure = (status: number, message: string): Reply => ({ status, json: { RESULT: 'FAILURE', message } });

export function htmlPage(status: number, title: string): Reply {
  return {
    status,
    html: `<!DOCTYPE html><html><head><title>${title} | Recruiterflow</title></head><body><h1>${title}</h1><p>Recruiterflow — the ATS and CRM for recruiting agencies.</p></body></html>`,
  };
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

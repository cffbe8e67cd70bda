/** The app's request and response, free of node:http so handlers stay plain functions. */
export interface AppRequest {
  method: string;
  url: URL;
  /** Form fields of a urlencoded POST (empty otherwise). */
  form: URLSearchParams;
  /** The raw body, for the JSON reset endpoint. */
  body: string;
  /** The flash message carried over from the previous redirect, if any. */
  flash: string | undefined;
  /** A harness read (HARNESS_READ_HEADER): answer it, but change no state. */
  harnessRead: boolean;
}

export interface AppResponse {
  status: number;
  body: string;
  contentType?: string;
  /** For redirects (303 See Other after a successful POST). */
  location?: string;
  /** A message to show on the next page. */
  flash?: string;
}

export function htmlResponse(body: string, status = 200): AppResponse {
  return { status, body, contentType: 'text/html; charset=utf-8' };
}

export function jsonResponse(value: unknown, status = 200): AppResponse {
  return { status, body: JSON.stringify(value), contentType: 'application/json; charset=utf-8' };
}

export function redirect(location: string, flash?: string): AppResponse {
  return flash === undefined ? { status: 303, body: '', location } : { status: 303, body: '', location, flash };
}

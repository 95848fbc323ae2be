import type { WebhookRequest } from "../PlatformAdapter";

/** A header's value, looked up case-insensitively; undefined when absent. */
export function header(request: WebhookRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(request.headers)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

/** The query parameters of a request URL (path with query, or absolute URL). */
export function query(request: WebhookRequest): URLSearchParams {
  const i = request.url.indexOf("?");
  if (i < 0) return new URLSearchParams();
  const j = request.url.indexOf("#", i);
  return new URLSearchParams(request.url.slice(i + 1, j < 0 ? undefined : j));
}

// Calls badgewatch's API through the client generated from its own
// /openapi.json (openapi-typescript types + openapi-fetch), as an integrator's
// program would: tsc must accept every call, and each answer must be what the
// document promises. Run by `run`:
//   node dist/client_test.js BASE_URL TOKEN
import createClient from "openapi-fetch";
import type { paths } from "./badgewatch-api.js";

const [baseUrl, token] = process.argv.slice(2);
if (!baseUrl || !token) {
  console.error("usage: client_test.js BASE_URL TOKEN");
  process.exit(2);
}
const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`openapi client: FAILED: ${what}`);
  console.log(`ok: ${what}`);
}

// 1. GET /api/me: the typed Caller.
const me = await client.GET("/api/me");
check(me.response.status === 200 && me.data !== undefined, "getMe answers 200");
const role: "unit" | "regional" | "conac" = me.data!.role;
check(role === "conac" && typeof me.data!.account_id === "number", "getMe names the CONAC account");

// 2. GET /api/scans with typed query parameters: a page of Scan.
const scans = await client.GET("/api/scans", { params: { query: { page: 1, per_page: 10 } } });
check(scans.response.status === 200 && scans.data !== undefined, "listScans answers 200");
check(scans.data!.page === 1 && scans.data!.per_page === 10, "listScans echoes the page asked for");
check(Array.isArray(scans.data!.items) && scans.data!.total === 0, "listScans: no scans yet");

// 3. GET /api/applications/{id} with a typed path parameter: the error body.
const missing = await client.GET("/api/applications/{id}", { params: { path: { id: 999999 } } });
check(missing.response.status === 404, "getApplication of an unknown id answers 404");
const message: string | undefined = missing.error?.error;
check(typeof message === "string" && message.length > 0, "the 404 carries the Error body");

// 4. And without credentials the same client is refused with the Error body.
const anonymous = createClient<paths>({ baseUrl });
const refused = await anonymous.GET("/api/me");
check(refused.response.status === 401 && typeof refused.error?.error === "string",
      "getMe without a token answers 401 with the Error body");

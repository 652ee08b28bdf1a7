// How the screen talks to ShulGraph: the TV client's operations (../shared/clients/tv.graphql and
// documents/tv/, unchanged), each sent by its trusted-document id from /screen/documents.json; over HTTP for
// pairing, heartbeats and acknowledgements, over graphql-transport-ws (graphql-ws's client) for the screen
// and its commands. The connection is an appliance's: it retries for ever with backoff and jitter, notices a
// silent server by its missing pong, and stops only when the server says the token is revoked (4403).

export const CLOSE_REVOKED = 4403;

export class Revoked extends Error {}

export class Unreachable extends Error {}

export async function loadDocuments() {
  const response = await fetch("documents.json", { cache: "no-cache" });
  if (!response.ok) throw new Unreachable(`documents.json answered ${response.status}`);
  return response.json();
}

// An operation by its trusted-document id; `withText` adds the document's text (graphql-ws's client sends no
// subscription without one; the server checks that the text is the one the id names).
function persisted(documents, name, variables, withText = false) {
  const document = documents[name];
  if (!document) throw new Error(`no trusted document named ${name}`);
  return {
    operationName: name,
    variables: variables ?? {},
    extensions: { persistedQuery: { version: 1, sha256Hash: document.id } },
    ...(withText ? { query: document.query } : {}),
  };
}

const codes = (body) => (body.errors ?? []).map((error) => error.extensions?.code);

// POST one operation; its `data` field. A refused credential throws Revoked; a server that cannot be reached
// or answers 5xx throws Unreachable; a GraphQL error otherwise throws an Error with its codes.
export async function request(documents, name, variables, token) {
  const headers = { "content-type": "application/json", accept: "application/json" };
  if (token) headers.authorization = `Device ${token}`;
  let response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify(persisted(documents, name, variables)),
    });
  } catch (error) {
    throw new Unreachable(String(error));
  }
  if (response.status >= 500 || response.status === 429) {
    const error = new Unreachable(`${name}: HTTP ${response.status}`);
    error.retryAfter = Number(response.headers.get("retry-after")) || 0;
    throw error;
  }
  const body = await response.json();
  if (codes(body).includes("UNAUTHENTICATED")) throw new Revoked(`${name}: ${JSON.stringify(body.errors)}`);
  if (body.errors?.length && !body.data) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

// Wait before reconnect attempt `retries` (0, 1, …): doubling from 1 s up to 15 s, each wait drawn between
// half and all of it, so that screens that lost the same server do not come back all at once.
export function backoffMs(retries) {
  const ceiling = Math.min(15_000, 1_000 * 2 ** retries);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

const PONG_TIMEOUT_MS = 6_000;

// The graphql-ws client for a device token. `events.online(bool)` follows the connection; `events.revoked()`
// is called once when the server refuses the token (4403), after which the client gives up.
export function connect(token, events) {
  const url = `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`;
  let socket = null;
  let pongTimer = null;
  return graphqlWs.createClient({
    url,
    lazy: false,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, backoffMs(retries))),
    // Lost connections are retried (a close event), a revoked token is not; anything else is the page's own
    // fault, which retrying at once would only repeat.
    shouldRetry: (event) => typeof event?.code === "number" && event.code !== CLOSE_REVOKED,
    connectionParams: () => ({ authorization: `Device ${token}` }),
    onNonLazyError: () => {}, // the `closed` event below already tells what happened
    on: {
      connected: (connected) => {
        socket = connected;
        events.online(true);
      },
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => {
          // No pong: the server or the way to it is gone without a word. Close, so the client reconnects.
          if (socket && socket.readyState === WebSocket.OPEN) socket.close(4408, "no pong");
        }, PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      closed: (event) => {
        clearTimeout(pongTimer);
        socket = null;
        events.online(false);
        if (event && event.code === CLOSE_REVOKED) events.revoked();
      },
    },
  });
}

// Subscribe to one operation for the client's life: `onData(data)` for each result; after an error or a
// completion (the server restarting an operation) it subscribes again after a pause. Returns a stop function.
export function follow(client, documents, name, onData) {
  let stopped = false;
  let unsubscribe = () => {};
  let failures = 0;
  const start = () => {
    if (stopped) return;
    unsubscribe = client.subscribe(persisted(documents, name, {}, true), {
      next: (result) => {
        failures = 0;
        if (result.data) onData(result.data);
        if (result.errors) console.warn(name, JSON.stringify(result.errors));
      },
      error: (error) => {
        console.warn(name, "ended with an error", error?.code ?? error);
        failures += 1;
        setTimeout(start, backoffMs(failures));
      },
      complete: () => {
        if (!stopped) setTimeout(start, backoffMs(failures));
      },
    });
  };
  start();
  return () => {
    stopped = true;
    unsubscribe();
  };
}

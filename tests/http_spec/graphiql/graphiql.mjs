// GraphiQL as a power user drives it, in Debian's Chromium via playwright-core (tests/http_spec/test_graphiql_browser.py).
// Usage: node graphiql.mjs <graphql url>; env AUTHORIZATION, TENANT (a member's), WRONG_AUTHORIZATION.
// Prints one JSON line per step ({"step": ..., ...}) for the test to check; between "subscription-started"
// and "subscription-live" the test publishes probe events, then a real one. Exits 1 with diagnostics
// (console messages, page errors, requests, websocket frames, a screenshot) on stderr when a step fails.
// The page's scripts come from unpkg.com, which this machine does not reach: they are served from
// node_modules at the versions the page names (the same bytes, so its integrity= attributes hold).
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const MODULES = path.join(path.dirname(fileURLToPath(import.meta.url)), "node_modules");
const TIMEOUT = 20_000;
const [url] = process.argv.slice(2);
const origin = new URL(url).origin;
const log = [];
const note = (...parts) => log.push(parts.map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(" "));
const report = (step, data = {}) => console.log(JSON.stringify({ step, ...data }));

// https://unpkg.com/<package>@<version>/<file> -> node_modules/<package>/<file>, if that version is installed.
async function serveUnpkg(route) {
  const { pathname } = new URL(route.request().url());
  const match = pathname.match(/^\/((?:@[^/]+\/)?[^@/]+)@([^/]+)\/(.+)$/);
  const installed = match && JSON.parse(await readFile(path.join(MODULES, match[1], "package.json"), "utf8"));
  if (!match || installed.version !== match[2]) {
    note("unpkg: not installed at that version:", pathname, installed?.version);
    return route.fulfill({ status: 404, body: "not installed" });
  }
  const type = pathname.endsWith(".css") ? "text/css" : "application/javascript";
  return route.fulfill({
    status: 200,
    body: await readFile(path.join(MODULES, match[1], match[3])),
    headers: { "content-type": `${type}; charset=utf-8`, "access-control-allow-origin": "*" },
  });
}

const QUERY = ".graphiql-query-editor";
const HEADERS = ".graphiql-editor-tool .graphiql-editor:not(.hidden)";
const RESPONSE = ".graphiql-response";
let page; // the page in use, for the screenshot on failure

async function openGraphiQL(context) {
  page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on("console", (message) => note("console", message.type(), message.text()));
  page.on("pageerror", (error) => note("pageerror", error.stack ?? String(error)));
  page.on("requestfailed", (request) => note("requestfailed", request.url(), request.failure()?.errorText));
  page.on("response", (response) => note("response", response.status(), response.request().method(), response.url()));
  page.on("websocket", (socket) => {
    note("websocket", socket.url());
    socket.on("framesent", (frame) => {
      note("ws sent", String(frame.payload).slice(0, 500));
      const message = JSON.parse(frame.payload);
      if (message.type === "connection_init") page.connectionInits.push(message.payload);
    });
    socket.on("framereceived", (frame) => {
      note("ws received", String(frame.payload).slice(0, 500));
      if (JSON.parse(frame.payload).type === "connection_ack") page.acks += 1;
    });
    socket.on("close", () => note("websocket closed", socket.url()));
  });
  page.connectionInits = [];
  page.acks = 0;
  await page.goto(url);
  await page.waitForSelector(`${QUERY} .CodeMirror`);
  await page.waitForSelector(`${HEADERS} .CodeMirror`);
}

// The editors are CodeMirror 5 instances; their text is read from the instance (CodeMirror renders only the
// lines in view) and typed as a user does: click, select all, type (inserted at once, so no autoclose).
const editorValue = (page, selector) =>
  page.$eval(`${selector} .CodeMirror`, (element) => element.CodeMirror.getValue());

async function type(page, selector, text) {
  await page.click(`${selector} .CodeMirror`, { position: { x: 80, y: 12 } }); // on the first line, past the gutter
  const focused = await page.$eval(`${selector} .CodeMirror`, (element) => element.contains(document.activeElement));
  if (!focused) throw new Error(`clicking the editor ${selector} did not focus it`);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(text);
  const typed = await editorValue(page, selector);
  if (typed !== text) throw new Error(`typed ${JSON.stringify(text)} but the editor holds ${JSON.stringify(typed)}`);
  if (selector === QUERY) {
    // GraphiQL parses the query (its operation name too) 100 ms after the last edit, then the page puts it in
    // the URL's `q`: run before that and GraphiQL would send the previous operation's name.
    await page.waitForFunction((query) => new URLSearchParams(location.search).get("q") === query, text);
  }
}

async function setHeaders(page, headers) {
  await page.getByRole("button", { name: "Headers", exact: true }).click();
  await page.waitForSelector(`${HEADERS} .CodeMirror`);
  await type(page, HEADERS, JSON.stringify(headers, null, 2));
}

// The response pane's text once it includes `wanted`. Pressing run empties the pane first; a marker put there
// before pressing tells the old response from the new one even when both read the same.
async function waitForResponse(page, wanted, description) {
  try {
    const handle = await page.waitForFunction(
      ([selector, wanted]) => {
        const text = document.querySelector(`${selector} .CodeMirror`).CodeMirror.getValue();
        return text !== "(waiting)" && text.includes(wanted) && text;
      },
      [RESPONSE, wanted],
    );
    return await handle.jsonValue();
  } catch (error) {
    const text = await editorValue(page, RESPONSE).catch(() => "(no response pane)");
    throw new Error(`waiting for ${description}: ${error.message}\nresponse pane: ${text}`);
  }
}

async function run(page, query, wanted = "{", description = "a JSON response") {
  await type(page, QUERY, query);
  await page.$eval(`${RESPONSE} .CodeMirror`, (element) => element.CodeMirror.setValue("(waiting)"));
  await page.click(".graphiql-execute-button");
  return waitForResponse(page, wanted, description);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
  ],
});
try {
  // Each context starts with empty storage: GraphiQL keeps tabs and headers in localStorage.
  const newContext = async () => {
    const context = await browser.newContext();
    // The close codes of the page's websockets (the browser tells them to the page only).
    await context.addInitScript(() => {
      window.closeCodes = [];
      window.WebSocket = class extends window.WebSocket {
        constructor(...args) {
          super(...args);
          this.addEventListener("close", (event) => window.closeCodes.push(event.code));
        }
      };
    });
    await context.route("**/*", (route) => {
      const target = route.request().url();
      if (target.startsWith("https://unpkg.com/")) return serveUnpkg(route);
      if (target.startsWith(`${origin}/`)) return route.continue();
      note("blocked (the network is closed):", target);
      return route.abort("blockedbyclient");
    });
    return context;
  };
  const member = { Authorization: process.env.AUTHORIZATION, "X-Tenant-ID": process.env.TENANT };

  await openGraphiQL(await newContext());
  report("opened", {
    query: await editorValue(page, QUERY),
    headers: await editorValue(page, HEADERS),
  });

  await setHeaders(page, member);
  report("persisted-documents", { response: JSON.parse(await run(page, await editorValue(page, QUERY))) });

  // GraphiQL fetched the schema on opening, with the placeholder headers; re-fetched, it uses the member's.
  const introspection = page.waitForRequest((request) => request.postData()?.includes("IntrospectionQuery"));
  await page.getByRole("button", { name: "Re-fetch GraphQL schema" }).click();
  const sent = await (await introspection).allHeaders();
  await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
  await page.locator(".graphiql-doc-explorer").getByText("Subscription", { exact: true }).waitFor();
  report("schema", {
    headers: { authorization: sent.authorization, tenant: sent["x-tenant-id"] },
    docs: await page.locator(".graphiql-doc-explorer").innerText(),
  });

  report("synagogue", { response: JSON.parse(await run(page, "{ synagogue { id name } }")) });

  await type(page, QUERY, "subscription Watch { tenantEvents { kind deviceId detail } }");
  await page.click(".graphiql-execute-button");
  report("subscription-started");
  await waitForResponse(page, '"ALERT"', "a probe event");
  report("subscription-live", { connectionInits: page.connectionInits });
  const event = await waitForResponse(page, '"DEVICE_CLAIMED"', "the claim's event");
  report("subscription-event", { response: JSON.parse(event) });
  await page.click(".graphiql-execute-button"); // stops the subscription
  await page.waitForFunction(() => window.closeCodes.length > 0);
  report("subscription-stopped", { closeCodes: await page.evaluate(() => window.closeCodes) });
  await page.context().close();

  await openGraphiQL(await newContext());
  await setHeaders(page, { ...member, Authorization: process.env.WRONG_AUTHORIZATION });
  const refused = await run(page, await editorValue(page, QUERY), '"errors"', "errors");
  report("wrong-token", { response: JSON.parse(refused) });
  // The server refuses the connection_init (4403) and the page's websocket client shows that instead of
  // retrying: GraphiQL's own client shows it only after five more sockets, backing off about 30 s.
  await type(page, QUERY, "subscription { tenantEvents { kind } }");
  await page.click(".graphiql-execute-button");
  const shown = await waitForResponse(page, "Socket closed with event 4403", "the refusal");
  report("wrong-token-subscription", {
    connectionInits: page.connectionInits,
    acks: page.acks,
    closeCodes: await page.evaluate(() => window.closeCodes),
    response: shown,
  });
} catch (error) {
  const shot = path.join(tmpdir(), `graphiql-failure-${process.pid}.png`);
  const saved = await page?.screenshot({ path: shot }).then(() => shot, () => "none");
  process.stderr.write(`${error.stack ?? error}\n\nscreenshot: ${saved}\n\nbrowser log:\n${log.join("\n")}\n`);
  process.exitCode = 1;
} finally {
  await browser.close();
}

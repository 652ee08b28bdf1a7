// Debian's Chromium, driven by playwright-core for a Python test (tests/support/chromium.py): each stdin line is
// a command {"id", "do", ...}, each answer a stdout line {"id", "ok", "value"} or {"id", "ok": false, "error"},
// sent when the command is done (commands run as they come: `log` answers while a `waitFor` still waits). The network is closed except for the origins named in ALLOWED_ORIGINS
// (comma-separated): a page that reaches for a CDN is refused, as on a network without one.
//
//   open {url, width, height}        a new context (empty storage) and page; go to url
//   goto {url}                        the same page elsewhere (its storage kept)
//   viewport {width, height}          resize the page
//   evaluate {expression}             the value of a JavaScript expression in the page (JSON)
//   waitFor {expression, timeout}     wait until the expression is truthy in the page; its value
//   screenshot {path}                 a PNG of the page
//   log {}                            what the page said (console, errors, requests refused) since the last call
import readline from "node:readline";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ALLOWED = (process.env.ALLOWED_ORIGINS ?? "").split(",").filter(Boolean);
let log = [];
const note = (...parts) => log.push(parts.map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(" "));

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--font-render-hinting=none",
  ],
});
let context = null;
let page = null;

async function open({ url, width, height }) {
  if (context) await context.close();
  context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  await context.route("**/*", (route) => {
    const target = new URL(route.request().url());
    if (ALLOWED.includes(target.origin)) return route.continue();
    note("blocked (the network is closed):", target.href);
    return route.abort("blockedbyclient");
  });
  page = await context.newPage();
  page.on("console", (message) => note("console", message.type(), message.text()));
  page.on("pageerror", (error) => note("pageerror", error.stack ?? String(error)));
  page.on("requestfailed", (request) => note("requestfailed", request.url(), request.failure()?.errorText));
  page.on("websocket", (socket) => {
    note("websocket", socket.url());
    socket.on("close", () => note("websocket closed", socket.url()));
  });
  await page.goto(url);
  return page.url();
}

const commands = {
  open,
  goto: async ({ url }) => (await page.goto(url), page.url()),
  viewport: async ({ width, height }) => page.setViewportSize({ width, height }),
  evaluate: async ({ expression }) => page.evaluate(expression),
  waitFor: async ({ expression, timeout }) => {
    const handle = await page.waitForFunction(expression, null, { timeout: (timeout ?? 20) * 1000, polling: 100 });
    return handle.jsonValue();
  },
  screenshot: async ({ path }) => (await page.screenshot({ path }), path),
  log: async () => {
    const lines = log;
    log = [];
    return lines;
  },
};

async function run(line) {
  const { id, do: name, ...args } = JSON.parse(line);
  try {
    const value = await commands[name](args);
    process.stdout.write(`${JSON.stringify({ id, ok: true, value: value ?? null })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ id, ok: false, error: String(error.stack ?? error) })}\n`);
  }
}

const running = new Set();
const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const task = run(line).finally(() => running.delete(task));
  running.add(task);
}
await Promise.allSettled([...running]);
await browser.close();

// The screen as an appliance: pairing until it holds a device token, then live. Live, it subscribes to its
// screen and its commands, beats its heartbeat, keeps the last state it showed (local storage) so that a
// restart or a server away still shows it (with a small "offline" mark, the clock ticking), obeys commands and
// acknowledges each, and goes back to pairing when its token is revoked.
//
// window.shulgraphScreen exposes what the screen is doing, for the people (and tests) looking at it.

import { Revoked, Unreachable, backoffMs, connect, follow, loadDocuments, request } from "./api.js";
import { obey } from "./commands.js";
import { labelsFor } from "./labels.js";
import { applyLanguage, applyPresentation, renderState, rotation, showPanel, tick } from "./render.js";

const APP_VERSION = "reference-screen-1";
const HEARTBEAT_MS = 30_000;
const KEYS = { token: "shulgraph.screen.token", state: "shulgraph.screen.state", device: "shulgraph.screen.device", brightness: "shulgraph.screen.brightness" };
const $ = (id) => document.getElementById(id);
const startedAt = Date.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const stored = (key) => {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null");
  } catch {
    return null;
  }
};
const store = (key, value) => (value === null ? localStorage.removeItem(key) : localStorage.setItem(key, JSON.stringify(value)));

const screen = {
  view: "starting",
  online: false,
  state: stored(KEYS.state),
  device: stored(KEYS.device), // CurrentDevice: name and settings
  skewMs: 0,
  commands: [], // [{ id, kind, status }] in the order they came, for whoever looks
  connections: 0,
};
window.shulgraphScreen = screen;

let documents = null;
let live = null; // { client, stops: [], timers: [] } while live

function setView(view) {
  screen.view = view;
  $("root").dataset.view = view;
  $("pairing").hidden = view !== "pairing";
  $("screen").hidden = view !== "screen";
  showStatus();
}

function showStatus() {
  const labels = labelsFor(screen.device?.settings?.language);
  const offline = screen.view === "screen" && !screen.online;
  $("root").dataset.online = String(screen.online);
  $("status").hidden = !offline;
  if (offline) {
    const since = screen.offlineSince ? new Date(screen.offlineSince) : null;
    const at = since ? ` · ${labels.since} ${String(since.getHours()).padStart(2, "0")}:${String(since.getMinutes()).padStart(2, "0")}` : "";
    $("status").textContent = `● ${labels.offline}${at}`;
  }
}

// ---- brightness: the device's settings (night hours included), or the level a SET_BRIGHTNESS command set
function brightness() {
  const settings = screen.device?.settings;
  const commanded = stored(KEYS.brightness);
  if (commanded && commanded.settingsBrightness === settings?.brightness) return commanded.level;
  if (!settings) return 100;
  if (settings.nightStart && settings.nightEnd) {
    const now = new Date();
    const minutes = now.getHours() * 60 + now.getMinutes();
    const [start, end] = [settings.nightStart, settings.nightEnd].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));
    const night = start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
    if (night) return settings.nightBrightness;
  }
  return settings.brightness;
}

// ---- drawing
let rotationTimer = null;
let rotationKey = "";

function draw() {
  if (!screen.state) return;
  const settings = screen.device?.settings;
  const counts = renderState(screen.state, settings);
  applyPresentation(settings, brightness());
  $("root").dataset.version = screen.state.version;
  tick(screen.state, screen.skewMs);
  const panels = rotation(settings, counts);
  const key = JSON.stringify(panels);
  if (key !== rotationKey) {
    rotationKey = key;
    clearTimeout(rotationTimer);
    rotate(panels, 0);
  }
}

function rotate(panels, index) {
  if (!panels.length) return showPanel(null);
  const { panel, seconds } = panels[index % panels.length];
  showPanel(panel);
  screen.panel = panel;
  rotationTimer = setTimeout(() => rotate(panels, index + 1), seconds * 1000);
}

setInterval(() => {
  if (screen.view === "screen" && screen.state) {
    tick(screen.state, screen.skewMs);
    applyPresentation(screen.device?.settings, brightness());
  }
}, 1000);

// ---- pairing
async function pair() {
  setView("pairing");
  applyLanguage(null);
  const labels = labelsFor(null);
  let failures = 0;
  for (;;) {
    $("pairing-code").textContent = "";
    $("pairing-note").textContent = labels.pairWaiting;
    let started;
    try {
      const resolution = `${window.screen.width}x${window.screen.height}`;
      const input = { model: "ShulGraph reference screen (browser)", appVersion: APP_VERSION, resolution };
      started = (await request(documents, "StartDevicePairing", { input })).startDevicePairing;
      failures = 0;
    } catch (error) {
      console.warn("StartDevicePairing", String(error));
      $("pairing-note").textContent = labels.pairRetry;
      await sleep(Math.max(backoffMs(failures++), (error.retryAfter ?? 0) * 1000));
      continue;
    }
    screen.pairing = { code: started.pairingCode, expiresAt: started.expiresAt };
    $("pairing-code").textContent = started.pairingCode;
    const token = await poll(started, labels);
    if (token) return token;
  }
}

// Poll completeDevicePairing at the interval the server gave, 5 s more after each SLOW_DOWN (RFC 8628);
// the token once claimed, or null when the code expired (a new one is started).
async function poll(started, labels) {
  let interval = started.pollIntervalSeconds;
  const expires = Date.parse(started.expiresAt);
  for (;;) {
    const minutes = Math.max(0, Math.ceil((expires - Date.now()) / 60_000));
    $("pairing-note").textContent = labels.pairExpires(minutes);
    await sleep(interval * 1000);
    if (Date.now() >= expires) return null;
    let result;
    try {
      result = (await request(documents, "CompleteDevicePairing", { deviceCode: started.deviceCode })).completeDevicePairing;
    } catch (error) {
      console.warn("CompleteDevicePairing", String(error));
      continue;
    }
    if (result.deviceToken) return result.deviceToken;
    const code = result.userErrors?.[0]?.code;
    if (code === "SLOW_DOWN") {
      const said = Number(/(\d+) seconds/.exec(result.userErrors[0].message ?? "")?.[1]);
      interval = Number.isFinite(said) && said > interval ? said : interval + 5;
      screen.pollInterval = interval;
    } else if (code !== "AUTHORIZATION_PENDING") {
      return null; // EXPIRED_TOKEN, NOT_FOUND, ALREADY_USED: start again
    }
  }
}

// ---- live
async function refreshDevice(token) {
  try {
    const data = await request(documents, "CurrentDevice", {}, token);
    screen.device = data.currentDevice;
    store(KEYS.device, screen.device);
  } catch (error) {
    if (error instanceof Revoked) return revoked();
    console.warn("CurrentDevice", String(error));
  }
}

async function heartbeat(token) {
  const memory = performance.memory ? Math.round((performance.memory.usedJSHeapSize / performance.memory.jsHeapSizeLimit) * 1000) / 10 : null;
  const input = { appVersion: APP_VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), memory };
  try {
    const data = await request(documents, "ReportDeviceHeartbeat", { input }, token);
    screen.skewMs = Date.parse(data.reportDeviceHeartbeat.serverTime) - Date.now();
    screen.heartbeats = (screen.heartbeats ?? 0) + 1;
  } catch (error) {
    if (error instanceof Revoked) return revoked();
    if (!(error instanceof Unreachable)) console.warn("ReportDeviceHeartbeat", String(error));
  }
}

async function acknowledge(token, command, success, detail) {
  const input = { commandId: command.id, success, detail };
  for (let attempt = 0; ; attempt++) {
    try {
      await request(documents, "AcknowledgeDeviceCommand", { input }, token);
      return;
    } catch (error) {
      if (error instanceof Revoked) return revoked();
      if (!(error instanceof Unreachable) || attempt >= 5) return console.warn("AcknowledgeDeviceCommand", String(error));
      await sleep(backoffMs(attempt));
    }
  }
}

function goLive(token) {
  setView("screen");
  draw();
  const client = connect(token, {
    online: (online) => {
      if (online === screen.online) return;
      screen.online = online;
      if (online) {
        screen.connections += 1;
        screen.offlineSince = null;
        heartbeat(token);
      } else {
        screen.offlineSince = Date.now();
      }
      showStatus();
    },
    revoked,
  });
  live = { client, token, stops: [], timers: [] };
  // What a command may do to this screen (commands.js).
  const device = {
    acknowledge: (command, success, detail) => acknowledge(token, command, success, detail),
    setBrightness: (level) => {
      store(KEYS.brightness, { level, settingsBrightness: screen.device?.settings?.brightness });
      applyPresentation(screen.device?.settings, brightness());
    },
    setVolume: (level) => (screen.volume = level),
    record: (seen) => screen.commands.push(seen),
  };
  live.stops.push(
    follow(client, documents, "ScreenUpdated", (data) => {
      const state = data.screenUpdated;
      const changed = state.version !== screen.state?.version;
      screen.state = state;
      screen.received = (screen.received ?? 0) + 1;
      store(KEYS.state, state);
      draw();
      // The version changes with the content and with this device's settings: read the settings again.
      if (changed) refreshDevice(token).then(draw);
    }),
    follow(client, documents, "DeviceCommands", (data) => obey(data.deviceCommands, device)),
  );
  live.timers.push(setInterval(() => heartbeat(token), HEARTBEAT_MS));
  refreshDevice(token).then(draw);
}

function revoked() {
  if (!live) return;
  console.warn("the device token was refused: back to pairing");
  const { client, stops, timers } = live;
  live = null;
  stops.forEach((stop) => stop());
  timers.forEach((timer) => clearInterval(timer));
  client.dispose();
  for (const key of Object.values(KEYS)) store(key, null);
  Object.assign(screen, { state: null, device: null, online: false, revocations: (screen.revocations ?? 0) + 1 });
  start();
}

async function start() {
  const token = stored(KEYS.token) ?? (await pair());
  store(KEYS.token, token);
  goLive(token);
}

async function boot() {
  for (let attempt = 0; !documents; attempt++) {
    try {
      documents = await loadDocuments();
    } catch (error) {
      // Offline at power-on: show the last state while waiting for the server.
      if (stored(KEYS.token) && screen.state && screen.view !== "screen") {
        setView("screen");
        draw();
      }
      await sleep(backoffMs(attempt));
    }
  }
  await start();
}

boot();

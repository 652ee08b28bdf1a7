// Drawing the screen from a `Screen` state (the ScreenFields of tv.graphql) and the device's settings
// (CurrentDevice): the header with the clock and the day, today's prayers with the next one marked, and the
// rotation of panels the device's settings name. Text the synagogue wrote is set with dir="auto", so Hebrew
// reads right to left wherever it appears; the labels follow the device's language.

import { isRightToLeft, labelsFor } from "./labels.js";

const $ = (id) => document.getElementById(id);

// A DateTime of the server is ISO 8601 in the synagogue's time zone: its wall-clock time is in the text.
export const wallTime = (iso) => (iso ? iso.slice(11, 16) : "");
// The synagogue's UTC offset in minutes, from the state's times of the day ("…-05:00"), which are written in
// its time zone (generatedAt, an instant, may be written in UTC).
export function offsetMinutes(state) {
  const times = [state.validUntil, state.candleLighting, state.havdalah, ...(state.zmanim ?? []).map((z) => z.time)];
  times.push(...(state.prayers ?? []).map((p) => p.time), state.generatedAt);
  for (const iso of times) {
    const match = /([+-])(\d\d):(\d\d)$/.exec(iso ?? "");
    if (match) return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  }
  return -new Date().getTimezoneOffset();
}

function element(tag, className, text, attributes = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function row(cells, extra = {}) {
  const item = element("li", extra.className ?? "row");
  for (const [className, text] of cells) item.append(element("span", className, text, { dir: "auto" }));
  if (extra.data) for (const [name, value] of Object.entries(extra.data)) item.dataset[name] = value;
  return item;
}

function fill(id, nodes) {
  $(id).replaceChildren(...nodes);
  return nodes.length;
}

export function applyLanguage(settings) {
  const labels = labelsFor(settings?.language);
  document.documentElement.lang = isRightToLeft(settings?.language) ? "he" : "en";
  document.documentElement.dir = isRightToLeft(settings?.language) ? "rtl" : "ltr";
  for (const node of document.querySelectorAll("[data-label]")) {
    const label = labels[node.dataset.label];
    node.textContent = typeof label === "string" ? label : "";
  }
  return labels;
}

function civilDate(date, language) {
  const [year, month, day] = date.split("-").map(Number);
  const value = new Date(Date.UTC(year, month - 1, day));
  const locale = isRightToLeft(language) ? "he" : "en-GB";
  return value.toLocaleDateString(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

// Everything but the clock and the next-prayer mark (tick() keeps those current).
export function renderState(state, settings) {
  const labels = applyLanguage(settings);
  $("synagogue-name").textContent = state.synagogueName;
  $("civil-date").textContent = civilDate(state.date, settings?.language);
  $("hebrew-date").textContent = state.hebrewDate?.display ?? "";
  $("parasha").textContent = state.parasha ? `${labels.parasha} ${state.parasha}` : "";
  $("holidays").textContent = (state.holidays ?? []).join(" · ");
  const shabbat = [];
  if (state.candleLighting) shabbat.push(`${labels.candleLighting} ${wallTime(state.candleLighting)}`);
  if (state.havdalah) shabbat.push(`${labels.havdalah} ${wallTime(state.havdalah)}`);
  $("shabbat-times").textContent = shabbat.join(" · ");

  fill(
    "prayers",
    (state.prayers ?? []).map((prayer) =>
      row(
        [
          ["name", prayer.name],
          ["where", prayer.location ?? ""],
          ["time", wallTime(prayer.time)],
        ],
        { data: { at: prayer.time ?? "" } },
      ),
    ),
  );
  const counts = {
    PRAYERS: (state.prayers ?? []).length,
    ZMANIM: fill("zmanim", (state.zmanim ?? []).map((zman) => row([["name", zman.label], ["time", wallTime(zman.time)]], { data: { key: zman.key } }))),
    MESSAGES: fill(
      "messages",
      (state.messages ?? []).map((message) => {
        const card = element("article", "message", null, { "data-id": message.id });
        card.append(element("h3", "message-title", message.title, { dir: "auto" }));
        if (message.body) card.append(element("p", "message-body", message.body, { dir: "auto" }));
        if (message.imageUrl) card.append(element("img", "message-image", null, { src: message.imageUrl, alt: "" }));
        return card;
      }),
    ),
    YAHRZEITS: fill(
      "yahrzeits",
      (state.yahrzeits ?? []).map((yahrzeit) =>
        row([
          ["name", yahrzeit.name],
          ["hebrew", yahrzeit.hebrewName ?? ""],
          ["when", yahrzeit.date ? civilDate(yahrzeit.date, settings?.language).split(",")[0] : ""],
          ["plaque", yahrzeit.plaque ? `${labels.plaque} ${yahrzeit.plaque}` : ""],
        ]),
      ),
    ),
    CLASSES: fill(
      "classes",
      (state.classes ?? []).map((lesson) =>
        row([
          ["name", lesson.title],
          ["where", lesson.teacher ?? ""],
          ["time", wallTime(lesson.time)],
        ]),
      ),
    ),
    IMAGES: fill(
      "images",
      // Screen images (media), when the state carries them: a list of URLs or of { url, alt }.
      (state.images ?? []).map((image) =>
        element("img", "screen-image", null, { src: image.url ?? image, alt: image.alt ?? "" }),
      ),
    ),
  };
  const today = [state.hebrewDate?.display, state.parasha && `${labels.parasha} ${state.parasha}`, ...(state.holidays ?? [])];
  counts.TODAY = fill("today", today.filter(Boolean).map((line) => element("p", "today-line", line, { dir: "auto" })));
  return counts;
}

// The clock (the synagogue's time, corrected by the server's clock) and the next prayer.
export function tick(state, skewMs) {
  const now = Date.now() + skewMs;
  const local = new Date(now + offsetMinutes(state) * 60_000);
  const pad = (value) => String(value).padStart(2, "0");
  $("clock").textContent = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  let marked = false;
  for (const item of $("prayers").children) {
    const at = Date.parse(item.dataset.at);
    const next = !marked && !Number.isNaN(at) && at > now;
    item.classList.toggle("next", next);
    item.classList.toggle("past", !Number.isNaN(at) && at <= now);
    marked ||= next;
  }
}

const DEFAULT_ROTATION = [
  { panel: "ZMANIM", seconds: 12 },
  { panel: "MESSAGES", seconds: 15 },
  { panel: "YAHRZEITS", seconds: 10 },
  { panel: "CLASSES", seconds: 10 },
  { panel: "IMAGES", seconds: 10 },
];
// Sections of the settings' rotation that the page shows in its "today" panel.
const DAILY = new Set(["HOLIDAYS", "HEBREW_DATE", "PARASHA", "OMER", "DAF_YOMI"]);

// The rotation the settings name (empty: the default), as panels of this page, without empty ones.
export function rotation(settings, counts) {
  const named = settings?.panels?.length ? settings.panels : DEFAULT_ROTATION;
  const panels = [];
  for (const { panel, seconds } of named) {
    const shown = DAILY.has(panel) ? "TODAY" : panel;
    if (shown === "PRAYERS") continue; // always shown, beside the rotation
    if (!counts[shown] || panels.some((each) => each.panel === shown)) continue;
    panels.push({ panel: shown, seconds });
  }
  return panels;
}

export function showPanel(name) {
  for (const panel of document.querySelectorAll("#stage > .panel")) {
    panel.classList.toggle("shown", panel.dataset.panel === name);
  }
}

// Orientation (a screen hung the other way, or upside down), theme, and the dimmer for brightness.
export function applyPresentation(settings, brightness) {
  const root = $("root");
  const portraitViewport = window.innerHeight > window.innerWidth;
  const orientation = settings?.orientation ?? "LANDSCAPE";
  const turns = {
    LANDSCAPE: portraitViewport ? 90 : 0,
    LANDSCAPE_FLIPPED: portraitViewport ? 270 : 180,
    PORTRAIT: portraitViewport ? 0 : 90,
    PORTRAIT_FLIPPED: portraitViewport ? 180 : 270,
  }[orientation] ?? 0;
  root.dataset.rotate = String(turns);
  root.dataset.theme = (settings?.theme || "dark").toLowerCase() === "light" ? "light" : "dark";
  $("dimmer").style.opacity = String(Math.max(0, Math.min(1, 1 - brightness / 100)));
}

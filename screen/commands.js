// The device commands of the schema (DeviceCommandKind), as a browser screen can carry them out. Each is
// acknowledged once: success, or failure with the reason, so the admin app sees what became of it.
// RELOAD (and UPDATE_APP, REBOOT, which a page can only carry out by reloading) is acknowledged before the reload:
// an open command is sent again on the next subscription, and would reload the page again.

const handled = new Set();

export async function obey(command, device) {
  if (handled.has(command.id)) return;
  handled.add(command.id);
  const seen = { id: command.id, kind: command.kind, status: "received" };
  device.record(seen);
  let payload = command.payload ?? {};
  if (typeof payload === "string") payload = JSON.parse(payload || "{}");
  const level = Number(payload.level);
  switch (command.kind) {
    case "RELOAD":
    case "UPDATE_APP": // the page is the app: the server serves its newest version on reload
    case "REBOOT": // a browser cannot restart its device; reloading the page is what it can do
      // Acknowledged first: a pending command comes back after the reload and would reload it again.
      await device.acknowledge(command, true, command.kind === "RELOAD" ? "reloading" : "reloading the page (a browser screen)");
      seen.status = "acknowledged";
      location.reload();
      return;
    case "SET_BRIGHTNESS":
      if (!(level >= 0 && level <= 100)) break;
      device.setBrightness(level);
      await device.acknowledge(command, true, `brightness ${level}%`);
      seen.status = "acknowledged";
      return;
    case "SET_VOLUME":
      if (!(level >= 0 && level <= 100)) break;
      device.setVolume(level);
      await device.acknowledge(command, true, `volume ${level}% (this screen plays no sound)`);
      seen.status = "acknowledged";
      return;
    case "SCREENSHOT":
      await device.acknowledge(command, false, "a browser screen cannot take a picture of itself");
      seen.status = "failed";
      return;
    default:
      break;
  }
  await device.acknowledge(command, false, `${command.kind} with payload ${JSON.stringify(payload)} is not supported here`);
  seen.status = "failed";
}


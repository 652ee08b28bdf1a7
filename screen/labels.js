// The screen's own words, by the device's label language (settings.language: "he…" is Hebrew, written
// right to left; anything else is English). Content (names, messages) is shown as the synagogue wrote it.

const LABELS = {
  en: {
    pairTitle: "Pair this screen",
    pairWhere: "In the ShulGraph admin app, open Devices, choose Add a screen and enter this code:",
    pairExpires: (minutes) => `The code is valid for ${minutes} more minute${minutes === 1 ? "" : "s"}.`,
    pairWaiting: "Asking the server for a code…",
    pairRetry: "The server cannot be reached; trying again.",
    prayers: "Prayers",
    zmanim: "Zmanim",
    messages: "Announcements",
    yahrzeits: "Yahrzeits this week",
    classes: "Classes today",
    today: "Today",
    next: "next",
    candleLighting: "Candle lighting",
    havdalah: "Havdalah",
    parasha: "Parashat",
    plaque: "plaque",
    offline: "offline",
    since: "since",
    none: "—",
  },
  he: {
    pairTitle: "חיבור המסך",
    pairWhere: "באפליקציית הניהול של ShulGraph, פתחו מכשירים, בחרו הוספת מסך והקלידו את הקוד:",
    pairExpires: (minutes) => `הקוד בתוקף עוד ${minutes} דקות.`,
    pairWaiting: "מבקש קוד מהשרת…",
    pairRetry: "השרת אינו זמין; מנסה שוב.",
    prayers: "תפילות",
    zmanim: "זמני היום",
    messages: "הודעות",
    yahrzeits: "יארצייט השבוע",
    classes: "שיעורים היום",
    today: "היום",
    next: "הבא",
    candleLighting: "הדלקת נרות",
    havdalah: "הבדלה",
    parasha: "פרשת",
    plaque: "לוח",
    offline: "לא מחובר",
    since: "מאז",
    none: "—",
  },
};

export function labelsFor(language) {
  return (language || "").toLowerCase().startsWith("he") ? LABELS.he : LABELS.en;
}

export function isRightToLeft(language) {
  return (language || "").toLowerCase().startsWith("he");
}

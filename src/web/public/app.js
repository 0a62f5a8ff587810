// Enhancements only: every page works without this script.
import { initAll } from "/assets/govuk/govuk-frontend.min.js";

initAll();

// A page waiting for a forecast (data-sp-poll names its status address) shows it once it is ready.
// Without this script the page has a "Check again" link, and the service holds that answer until the
// forecast is ready or a few seconds have passed.
const waiting = document.querySelector("[data-sp-poll]");
if (waiting) {
  const url = waiting.getAttribute("data-sp-poll");
  const check = async () => {
    try {
      const res = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
      if (res.ok) {
        const { status } = await res.json();
        if (status !== "queued" && status !== "running") {
          window.location.reload();
          return;
        }
      }
    } catch {
      // Try again later: the service may be restarting.
    }
    setTimeout(check, 2000);
  };
  setTimeout(check, 2000);
}

import { byId, textElement } from "./dom.js";
import { clearState, loadState, saveState } from "./persistence.js";
import { probe } from "./probe.js";
import { decodeState, encodeState, forFragment } from "./share-link.js";
import { type PlaygroundState, sameWork } from "./state.js";

/** Why the page opened on what it shows, when the user should know. */
export type RestoreNotice =
  | { readonly kind: "refused"; readonly reason: string }
  | { readonly kind: "link-over-work"; readonly asideSavedAt: number }
  | { readonly kind: "recovered" };

export interface Restored {
  readonly state: PlaygroundState;
  readonly notice: RestoreNotice | undefined;
}

/** Set while the page starts; still set at the next start means that start never finished. */
const BOOTING = "provex-playground-booting";

/**
 * Decides what the page opens on: the link in the fragment, the work saved in this browser, or the
 * defaults. A link never silently replaces different local work: the local work goes aside and the
 * page offers it back. A link past the bounds is refused with its reason. A state that stopped the page
 * from starting last time is not opened again (it goes aside).
 */
export async function restoreWork(defaults: PlaygroundState): Promise<Restored> {
  const crashed = localStorage.getItem(BOOTING) !== null;
  localStorage.setItem(BOOTING, String(Date.now()));
  const local = await loadState("current").catch(() => undefined);
  if (crashed) {
    if (local) await saveState("aside", local).catch(() => {});
    await clearState("current").catch(() => {});
    history.replaceState(null, "", location.pathname + location.search);
    return { state: defaults, notice: { kind: "recovered" } };
  }
  const link = await decodeState(location.hash);
  if (link.kind === "state" && !link.ok) {
    history.replaceState(null, "", location.pathname + location.search);
    return { state: local ?? defaults, notice: { kind: "refused", reason: link.reason } };
  }
  if (link.kind === "state" && link.ok) {
    const shared = withLocalInputs(link.state, local);
    if (!local || sameWork(shared, local)) return { state: shared, notice: undefined };
    await saveState("aside", local);
    return { state: shared, notice: { kind: "link-over-work", asideSavedAt: local.savedAt } };
  }
  return { state: local ?? defaults, notice: undefined };
}

/**
 * The fragment kept current leaves out inputs too large for a link; reopening one's own page fills
 * them in from local storage when everything else is the same work.
 */
function withLocalInputs(shared: PlaygroundState, local: PlaygroundState | undefined): PlaygroundState {
  if (!local) return shared;
  const filled = { ...shared };
  for (const name of ["config", "users", "target", "manyUsers"] as const) {
    if (shared[name] === "" && forFragment(local).state[name] === "" && local[name] !== "")
      filled[name] = local[name];
  }
  return filled;
}

/**
 * Saves the work as one edits: to local storage and into the URL fragment (history.replaceState, so
 * the back button is not flooded), a short moment after the last change. Shows the restore notice.
 */
export class WorkKeeper {
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private saving = Promise.resolve();

  constructor(
    private readonly collect: () => PlaygroundState,
    private readonly restored: Restored,
    private readonly reopen: (state: PlaygroundState) => void,
  ) {}

  /** Call once the page is built: shows the notice, saves the opened state, clears the start flag. */
  start(): void {
    this.showNotice();
    localStorage.removeItem(BOOTING);
    // Leaving the page (reload, closing the tab) saves what the quarter-second delay still holds.
    window.addEventListener("pagehide", () => {
      if (probe.savePending) void this.save(true);
    });
    this.changed();
  }

  changed(): void {
    clearTimeout(this.timer);
    probe.savePending = true;
    this.timer = setTimeout(() => this.save(), 250);
  }

  /** Saves now; `leaving`: the page is going away, so the address bar is not left for an idle moment. */
  save(leaving = false): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const state = this.collect();
    this.saving = this.saving.then(async () => {
      try {
        await saveState("current", state);
        const { state: linkable, leftOut } = forFragment(state);
        // Compressing the state for the address bar takes the page's thread a while with large inputs:
        // done when the page is idle, so that it never holds up an edit's result.
        if (!leaving) await idle();
        history.replaceState(null, "", await encodeState(linkable));
        byId("saved-note").textContent = leftOut.length
          ? `Saved in this browser; the ${leftOut.join(" and ")} are too large for the address bar (Share link includes them).`
          : "Saved in this browser and in the address bar.";
        probe.saved++;
        probe.savePending = this.timer !== undefined && probe.savePending;
      } catch (error) {
        byId("saved-note").textContent = `Not saved: ${(error as Error).message}`;
      }
    });
    return this.saving;
  }

  private showNotice(): void {
    const { notice } = this.restored;
    const banner = byId("notice");
    if (!notice) return;
    banner.hidden = false;
    banner.dataset.kind = notice.kind;
    const close = textElement("button", "Dismiss", "notice-dismiss");
    close.type = "button";
    close.addEventListener("click", () => {
      banner.hidden = true;
    });
    if (notice.kind === "refused") {
      banner.replaceChildren(
        textElement("span", `This link was not opened: ${notice.reason} Your own work is shown instead. `),
        close,
      );
      return;
    }
    if (notice.kind === "recovered") {
      const restore = textElement("button", "Open it anyway");
      restore.type = "button";
      restore.addEventListener("click", () => void this.swap());
      banner.replaceChildren(
        textElement(
          "span",
          "The page did not finish loading last time, so it started fresh; your previous work is kept. ",
        ),
        restore,
        close,
      );
      return;
    }
    const when = notice.asideSavedAt ? new Date(notice.asideSavedAt).toLocaleString() : "earlier";
    const mine = textElement("button", "Open my work instead");
    mine.type = "button";
    mine.id = "open-my-work";
    mine.addEventListener("click", () => void this.swap());
    banner.replaceChildren(
      textElement(
        "span",
        `You opened a shared link. Your own work (saved ${when}) is kept aside, not replaced. `,
      ),
      mine,
      close,
    );
  }

  /** Swaps the work shown with the work kept aside, then reopens the page on it. */
  private async swap(): Promise<void> {
    const aside = await loadState("aside");
    if (!aside) return;
    await this.saving;
    clearTimeout(this.timer);
    await saveState("aside", this.collect());
    await saveState("current", aside);
    history.replaceState(null, "", await encodeState(forFragment(aside).state));
    this.reopen(aside);
  }
}

/** Resolves when the page is idle (or after a second at the latest). */
function idle(): Promise<void> {
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 }));
}

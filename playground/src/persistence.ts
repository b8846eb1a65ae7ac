import { checkState, type PlaygroundState, readState } from "./state.js";

/**
 * The browser's local storage for the playground's work, in IndexedDB (localStorage holds 5 MB at
 * most, less than 5,000 users take). Two slots: `current`, saved as one edits, and `aside`, where local
 * work goes when a link from elsewhere is opened over it.
 */
const DATABASE = "provex-playground";
const STORE = "state";
export type Slot = "current" | "aside";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

let database: Promise<IDBDatabase> | undefined;
const db = () => {
  database ??= open();
  return database;
};

/**
 * Saves a state to a slot, as an object: IndexedDB's structured clone copies the megabytes of 5,000
 * users' text as they are, where `JSON.stringify` would escape every quote in them on the page's
 * thread (a second's work under load, 250 ms after each keystroke).
 */
export async function saveState(slot: Slot, state: PlaygroundState): Promise<void> {
  const store = (await db()).transaction(STORE, "readwrite").objectStore(STORE);
  await done(store.put({ ...state }, slot));
}

/**
 * The state in a slot; undefined when there is none, it is unreadable, or it is past the bounds (read
 * through the same bounds as a link). Earlier versions saved JSON text, which is still read.
 */
export async function loadState(slot: Slot): Promise<PlaygroundState | undefined> {
  try {
    const store = (await db()).transaction(STORE, "readonly").objectStore(STORE);
    const saved: unknown = await done(store.get(slot));
    if (saved === undefined) return undefined;
    const checked = typeof saved === "string" ? readState(saved) : checkState(saved);
    return checked.ok ? checked.state : undefined;
  } catch {
    return undefined;
  }
}

export async function clearState(slot: Slot): Promise<void> {
  const store = (await db()).transaction(STORE, "readwrite").objectStore(STORE);
  await done(store.delete(slot));
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
